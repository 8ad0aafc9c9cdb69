package dev.sheaf.testing;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The logical structure of a tagged PDF read back with PDFBox, and the catalog entries PDF/UA asks for. */
public final class PdfStructure {

    private final PDDocument doc;
    private final PDDocumentCatalog catalog;

    private PdfStructure(PDDocument doc) {
        this.doc = doc;
        this.catalog = doc.getDocumentCatalog();
    }

    public static PdfStructure of(PDDocument doc) {
        return new PdfStructure(doc);
    }

    public boolean marked() {
        return catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked();
    }

    public boolean displayDocTitle() {
        return catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle();
    }

    public boolean tabsByStructure() {
        for (PDPage p : doc.getPages()) {
            if (!COSName.S.equals(p.getCOSObject().getCOSName(COSName.getPDFName("Tabs")))) {
                return false;
            }
        }
        return true;
    }

    public String xmp() {
        try {
            PDMetadata m = catalog.getMetadata();
            return m == null ? "" : new String(m.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The types of the Document element's kids. */
    public List<String> topLevelTypes() {
        List<String> out = new ArrayList<>();
        for (PDStructureElement e : children(document())) {
            out.add(e.getStructureType());
        }
        return out;
    }

    /** The tree below the Document element, one element a line, indented by depth, with Alt, scope and note ids. */
    public String outline() {
        StringBuilder sb = new StringBuilder();
        for (PDStructureElement e : children(document())) {
            outline(e, "", sb);
        }
        return sb.toString();
    }

    private void outline(PDStructureElement e, String indent, StringBuilder sb) {
        sb.append(indent).append(e.getStructureType());
        if (e.getAlternateDescription() != null) {
            sb.append(" Alt=").append(e.getAlternateDescription());
        }
        if (e.getElementIdentifier() != null) {
            sb.append(" id=").append(e.getElementIdentifier());
        }
        COSBase a = e.getCOSObject().getDictionaryObject(COSName.A);
        if (a instanceof COSDictionary attrs && attrs.getCOSName(COSName.getPDFName("Scope")) != null) {
            sb.append(" scope=").append(attrs.getCOSName(COSName.getPDFName("Scope")).getName());
        }
        sb.append('\n');
        for (PDStructureElement c : children(e)) {
            outline(c, indent + "  ", sb);
        }
    }

    private PDStructureElement document() {
        PDStructureTreeRoot root = catalog.getStructureTreeRoot();
        for (Object k : root.getKids()) {
            if (k instanceof PDStructureElement e && "Document".equals(e.getStructureType())) {
                return e;
            }
        }
        throw new AssertionError("no Document element");
    }

    private static List<PDStructureElement> children(PDStructureElement e) {
        List<PDStructureElement> out = new ArrayList<>();
        for (Object k : e.getKids()) {
            if (k instanceof PDStructureElement c) {
                out.add(c);
            }
        }
        return out;
    }

    /** Link annotations that no Link element reaches through an object reference (no /StructParent). */
    public long linksWithoutStructure() throws IOException {
        long n = 0;
        for (PDPage p : doc.getPages()) {
            for (PDAnnotation a : p.getAnnotations()) {
                if (a instanceof PDAnnotationLink && a.getStructParent() < 0) {
                    n++;
                }
            }
        }
        return n;
    }

    public long linksWithoutContents() throws IOException {
        long n = 0;
        for (PDPage p : doc.getPages()) {
            for (PDAnnotation a : p.getAnnotations()) {
                if (a instanceof PDAnnotationLink && (a.getContents() == null || a.getContents().isBlank())) {
                    n++;
                }
            }
        }
        return n;
    }
}
