package dev.sheaf.render.pdf.tagging;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What makes a PDF claim PDF/UA-1 and, unless turned off, PDF/A-2u beyond its tags: a tagged writer with tab order
 * by structure and the title shown by viewers (set up before the document opens), then the XMP metadata that
 * repeats the document information dictionary and identifies both standards, and an sRGB output intent (written
 * just before the document is closed).
 */
public final class Conformance {

    private Conformance() { }

    /** Before {@code Document.open()}: tagging, PDF 1.7, structure tab order, DisplayDocTitle. */
    public static void prepare(PdfWriter writer) {
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setTagged();
        writer.setTabs(PdfName.S);
        writer.addViewerPreference(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
    }

    /**
     * Before the document is closed, once the information dictionary is final: XMP metadata, and for PDF/A the
     * output intent.
     */
    public static void finish(PdfWriter writer, String language, Instant timestamp, boolean pdfA) throws IOException {
        finish(writer, language, timestamp, pdfA, true);
    }

    /** As {@link #finish(PdfWriter, String, Instant, boolean)}, for a file that claims PDF/UA-1 only when {@code ua}. */
    public static void finish(PdfWriter writer, String language, Instant timestamp, boolean pdfA, boolean ua)
            throws IOException {
        PdfDictionary info = writer.getInfo();
        String date = DateTimeFormatter.ISO_INSTANT.format(timestamp.atOffset(ZoneOffset.UTC).toInstant());
        writer.setXmpMetadata(xmp(text(info, PdfName.TITLE), text(info, PdfName.AUTHOR), text(info, PdfName.SUBJECT),
                text(info, PdfName.KEYWORDS), text(info, PdfName.CREATOR), text(info, PdfName.PRODUCER), language, date,
                pdfA, ua).getBytes(StandardCharsets.UTF_8));
        if (pdfA) {
            byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PdfStream profile = new PdfStream(icc);
            profile.put(PdfName.N, new com.lowagie.text.pdf.PdfNumber(3));
            profile.flateCompress();
            PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
            intent.put(PdfName.S, PdfName.GTS_PDFA1);
            intent.put(new PdfName("OutputConditionIdentifier"), new PdfString("sRGB IEC61966-2.1"));
            intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
            intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
            PdfArray intents = new PdfArray();
            intents.add(intent);
            writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, intents);
        }
    }

    private static String text(PdfDictionary info, PdfName key) {
        PdfObject o = info.get(key);
        return o instanceof PdfString s ? s.toUnicodeString() : null;
    }

    static String xmp(String title, String author, String subject, String keywords, String creator, String producer,
                      String language, String date, boolean pdfA, boolean ua) {
        StringBuilder x = new StringBuilder();
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
                .append(ua ? " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"" : "");
        if (pdfA) {
            x.append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
        }
        x.append(">\n<dc:format>application/pdf</dc:format>\n");
        if (title != null) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(title))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (author != null) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(author)).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (subject != null) {
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(subject))
                    .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        if (language != null && !language.isBlank()) {
            x.append("<dc:language><rdf:Bag><rdf:li>").append(esc(language)).append("</rdf:li></rdf:Bag></dc:language>\n");
        }
        if (keywords != null) {
            x.append("<pdf:Keywords>").append(esc(keywords)).append("</pdf:Keywords>\n");
        }
        if (producer != null) {
            x.append("<pdf:Producer>").append(esc(producer)).append("</pdf:Producer>\n");
        }
        if (creator != null) {
            x.append("<xmp:CreatorTool>").append(esc(creator)).append("</xmp:CreatorTool>\n");
        }
        x.append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
                .append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n")
                .append("<xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n");
        if (ua) {
            x.append("<pdfuaid:part>1</pdfuaid:part>\n");
        }
        if (pdfA) {
            x.append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n");
        }
        x.append("</rdf:Description>\n");
        if (pdfA && ua) {
            // PDF/A-2 accepts properties outside its predefined schemas only when an extension schema describes them.
            x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                    .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                    .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                    .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
                    .append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
                    .append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
                    .append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
                    .append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
                    .append("<pdfaProperty:name>part</pdfaProperty:name>\n")
                    .append("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
                    .append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
                    .append("<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n")
                    .append("</rdf:li></rdf:Seq></pdfaSchema:property>\n")
                    .append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n");
        }
        x.append("</rdf:RDF>\n</x:xmpmeta>\n");
        // Padding lets an editor update the packet in place, as XMP recommends.
        x.append((" ".repeat(99) + "\n").repeat(20));
        x.append("<?xpacket end=\"w\"?>");
        return x.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
