package dev.sheaf.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageLabels;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import dev.sheaf.render.pdf.tagging.Conformance;
import dev.sheaf.render.pdf.tagging.TaggingOutputDevice;
import org.xhtmlrenderer.pdf.DefaultPDFCreationListener;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Fixes everything OpenPDF would otherwise take from the clock or from chance, so that the same book gives
 * the same bytes: dates, producer, the trailer /ID and the six-letter font subset tags. Also writes what
 * Flying Saucer has no CSS for: the catalog's /Lang and the page labels (roman numerals for the front
 * matter, arabic from 1 at the first chapter opener).
 */
final class FixedOutput extends DefaultPDFCreationListener {

    static final String PRODUCER = "Sheaf";

    private final String language;
    private final Instant timestamp;
    private final byte[] identity;
    private final int firstBodyPage;
    private final boolean pdfA;

    /**
     * @param identity      bytes that change whenever the content does (the print document); hashed into /ID
     * @param firstBodyPage 0-based index of the page labelled 1; the pages before it are labelled in roman
     *                      numerals, so 0 labels every page in arabic numerals
     */
    FixedOutput(String language, Instant timestamp, byte[] identity, int firstBodyPage) {
        this(language, timestamp, identity, firstBodyPage, true);
    }

    /** @param pdfA whether the PDF claims PDF/A-2u besides PDF/UA-1 */
    FixedOutput(String language, Instant timestamp, byte[] identity, int firstBodyPage, boolean pdfA) {
        this.pdfA = pdfA;
        this.language = language;
        this.timestamp = timestamp;
        this.identity = identity.clone();
        this.firstBodyPage = firstBodyPage;
    }

    @Override
    public void preOpen(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        Conformance.prepare(writer);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
        PdfPageLabels labels = new PdfPageLabels();
        if (firstBodyPage > 0) {
            labels.addPageLabel(1, PdfPageLabels.LOWERCASE_ROMAN_NUMERALS);
        }
        labels.addPageLabel(firstBodyPage + 1, PdfPageLabels.DECIMAL_ARABIC_NUMERALS, null, 1);
        writer.setPageLabels(labels);
        for (FontFamily family : renderer.getFontResolver().getFonts().values()) {
            for (FontDescription d : family.getFontDescriptions()) {
                BaseFont font = d.getFont();
                font.setSecureRandom(new SeededRandom(font.getPostscriptFontName()));
                // OpenPDF's CIDSet lists only the glyphs used, where PDF/A and PDF/UA want every glyph of the
                // subset; the set is optional, so it is left out.
                font.setIncludeCidSet(false);
            }
        }
    }

    @Override
    public void onClose(ITextRenderer renderer) {
        PdfDictionary info = renderer.getWriter().getInfo();
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.setTimeInMillis(timestamp.toEpochMilli());
        PdfDate pdfDate = new PdfDate(date);
        info.put(PdfName.CREATIONDATE, pdfDate);
        info.put(PdfName.MODDATE, pdfDate);
        info.put(PdfName.PRODUCER, new PdfString(PRODUCER));
        info.put(PdfName.CREATOR, new PdfString(PRODUCER));
        // PdfWriter.close() takes the trailer /ID from here instead of hashing the time and free memory.
        byte[] id = sha256("id", identity, 16);
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        try {
            if (renderer.getOutputDevice() instanceof TaggingOutputDevice tagging) {
                tagging.writeStructure();
            }
            Conformance.finish(renderer.getWriter(), language, timestamp, pdfA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sha256(String salt, byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            byte[] full = md.digest(data);
            byte[] out = new byte[length];
            System.arraycopy(full, 0, out, 0, length);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A "random" stream that is a hash chain of the font name and the content: a subset tag depends only on
     * what is printed. OpenPDF reads it only through {@code nextDouble()}, which draws on {@code nextBytes}.
     */
    private final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private byte[] state;

        SeededRandom(String fontName) {
            state = sha256(fontName, identity, 32);
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (i % 32 == 0) {
                    state = sha256("next", state, 32);
                }
                bytes[i] = state[i % 32];
            }
        }
    }
}
