package dev.sheaf.render.handout;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import dev.sheaf.render.pdf.tagging.Conformance;
import dev.sheaf.render.pdf.tagging.ImposedStructure;

import java.awt.geom.AffineTransform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Saddle-stitch imposition: the pages of a PDF placed two-up on landscape sheets so that printing them
 * double-sided (flip on the short edge), stacking the sheets in order and folding the stack in the middle
 * gives a booklet that reads in order.
 *
 * <p>With {@code n} pages padded to {@code N = 4k} (k sheets), sheet {@code j} (from 0) carries on its front
 * page {@code N - 2j} on the left and page {@code 2j + 1} on the right, and on its back page {@code 2j + 2} on
 * the left and page {@code N - 2j - 1} on the right. For 8 pages: 8|1, 2|7 on the outer sheet and 6|3, 4|5 on
 * the inner one. Odd pages always fall on right halves and even pages on left halves, so a page's inner
 * (gutter) margin lies at the fold. Each page's spine edge is placed on the fold; a page narrower than half
 * the sheet (A5 is 419.5 pt, half of A4 landscape 421 pt) leaves the difference at the outer edge.
 */
final class Booklet {

    private Booklet() { }

    /** Blank pages needed to bring {@code pages} to a multiple of four. */
    static int padding(int pages) {
        return (4 - pages % 4) % 4;
    }

    /**
     * The sides of the sheets in printing order (front of sheet 1, back of sheet 1, front of sheet 2, …), each
     * {@code {left, right}} as 1-based page numbers, 0 where a page past {@code pages} leaves the half empty.
     */
    static List<int[]> sides(int pages) {
        int n = pages + padding(pages);
        List<int[]> out = new ArrayList<>();
        for (int j = 0; j < n / 4; j++) {
            out.add(new int[] {page(n - 2 * j, pages), page(2 * j + 1, pages)});
            out.add(new int[] {page(2 * j + 2, pages), page(n - 2 * j - 1, pages)});
        }
        return out;
    }

    private static int page(int number, int pages) {
        return number <= pages ? number : 0;
    }

    /**
     * Imposes {@code pdf} on sheets of {@code sheetWidth × sheetHeight} points (landscape: a real landscape
     * media box, no /Rotate). Title, author, subject and keywords are carried over; the dates are
     * {@code timestamp} and the /ID a hash of the pages, so the same pages give the same bytes. The sheets are
     * tagged PDF/UA-1 with the pages' own structure tree ({@link ImposedStructure}: the pages are placed as form
     * XObjects, whose marked content the tree reaches through marked-content references); with {@code pdfA} they
     * also claim PDF/A-2u (XMP metadata, sRGB output intent).
     */
    static byte[] impose(byte[] pdf, float sheetWidth, float sheetHeight, String language, Instant timestamp,
                         boolean pdfA) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            Document doc = new Document(new Rectangle(sheetWidth, sheetHeight), 0, 0, 0, 0);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
            Map<String, String> info = reader.getInfo();
            if (info.get("Title") != null) {
                doc.addTitle(info.get("Title"));
            }
            if (info.get("Author") != null) {
                doc.addAuthor(info.get("Author"));
            }
            if (info.get("Subject") != null) {
                doc.addSubject(info.get("Subject"));
            }
            if (info.get("Keywords") != null) {
                doc.addKeywords(info.get("Keywords"));
            }
            doc.open();
            PdfContentByte cb = writer.getDirectContent();
            float fold = sheetWidth / 2;
            int pages = reader.getNumberOfPages();
            List<int[]> sides = sides(pages);
            // Where each page went: the object number of its form and the sheet side (1-based) it is on.
            int[] formOf = new int[pages + 1];
            int[] sheetOf = new int[pages + 1];
            AffineTransform[] placement = new AffineTransform[pages + 1];
            for (int s = 0; s < sides.size(); s++) {
                if (s > 0) {
                    doc.newPage();
                }
                int[] side = sides.get(s);
                for (int half = 0; half < 2; half++) {
                    AffineTransform at = placement(reader, side[half], fold, sheetHeight, half == 0);
                    if (at != null) {
                        PdfImportedPage placed = writer.getImportedPage(reader, side[half]);
                        cb.addTemplate(placed, (float) at.getTranslateX(), (float) at.getTranslateY());
                        formOf[side[half]] = placed.getIndirectReference().getNumber();
                        sheetOf[side[half]] = s + 1;
                        placement[side[half]] = at;
                    }
                }
                writer.setPageEmpty(false);
            }
            fix(writer.getInfo(), pdf, timestamp);
            Conformance.finish(writer, language, timestamp, pdfA, true);
            doc.close();
            return ImposedStructure.tag(out.toByteArray(), pdf, formOf, sheetOf, placement);
        } finally {
            reader.close();
        }
    }

    /**
     * Where page {@code number} goes: its spine edge on the fold, centred vertically; a move from the page's user
     * space to the sheet's (its content, and its links, see {@link ImposedStructure}). Null for no page.
     */
    private static AffineTransform placement(PdfReader reader, int number, float fold, float sheetHeight,
                                             boolean left) {
        if (number == 0) {
            return null;
        }
        Rectangle box = reader.getPageSize(number);
        float x = left ? fold - box.getWidth() : fold;
        float y = (sheetHeight - box.getHeight()) / 2;
        return AffineTransform.getTranslateInstance(x - box.getLeft(), y - box.getBottom());
    }

    /** Dates, producer and the trailer /ID (which PdfWriter takes from the info's FileId) without the clock. */
    private static void fix(PdfDictionary info, byte[] pages, Instant timestamp) {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.setTimeInMillis(timestamp.toEpochMilli());
        PdfDate pdfDate = new PdfDate(date);
        info.put(PdfName.CREATIONDATE, pdfDate);
        info.put(PdfName.MODDATE, pdfDate);
        info.put(PdfName.PRODUCER, new PdfString("Sheaf"));
        info.put(PdfName.CREATOR, new PdfString("Sheaf"));
        byte[] id = new byte[16];
        System.arraycopy(sha256(pages), 0, id, 0, id.length);
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] sha256(byte[] data) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("booklet".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return md.digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
