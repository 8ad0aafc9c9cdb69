package dev.sheaf.render.pdf.tagging;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PRIndirectReference;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfBoolean;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The structure tree of tagged pages, given to the sheets they were imposed on (a folded booklet). Each page
 * sits on its sheet as a form XObject that keeps the page's content, marked-content sequences and MCIDs. The
 * sheets get a copy of the pages' structure tree in which every piece of marked content is a marked-content
 * reference into its form ({@code /Type /MCR}, {@code /Pg} the sheet, {@code /Stm} the form), each form gets the
 * {@code /StructParents} key that leads from its MCIDs back to their elements, and the pages' reading order is
 * kept: the tree is the pages' own, in the pages' order, whatever sheet a page is printed on.
 *
 * <p>OpenPDF writes an imported page's form dictionary itself, with no way to add a key, so this is a second
 * pass over the imposed file with {@link PdfStamper}, which rewrites the form dictionaries it was given. Link
 * annotations are not carried onto the sheets, so link elements keep their text and lose their annotation.
 */
public final class ImposedStructure {

    private static final PdfName STRUCT_ELEM = new PdfName("StructElem");
    private static final PdfName STM = new PdfName("Stm");
    private static final PdfName PARENT_TREE_NEXT_KEY = new PdfName("ParentTreeNextKey");

    private final PdfReader pages;
    private final PdfWriter writer;
    /** Page object number in {@code pages} → 1-based page number. */
    private final Map<Integer, Integer> pageNumbers = new HashMap<>();
    private final PdfIndirectReference[] sheetOfPage;
    private final PdfIndirectReference[] formOfPage;
    /** Page number → (MCID → element) for the parent tree. */
    private final Map<Integer, TreeMap<Integer, PdfIndirectReference>> parents = new TreeMap<>();
    /** Copies of indirect objects other than elements (attributes, role map), by object number in {@code pages}. */
    private final Map<Integer, PdfIndirectReference> copied = new HashMap<>();

    private ImposedStructure(PdfReader pages, PdfWriter writer, PdfIndirectReference[] sheetOfPage,
                             PdfIndirectReference[] formOfPage) {
        this.pages = pages;
        this.writer = writer;
        this.sheetOfPage = sheetOfPage;
        this.formOfPage = formOfPage;
        for (int p = 1; p <= pages.getNumberOfPages(); p++) {
            pageNumbers.put(pages.getPageOrigRef(p).getNumber(), p);
        }
    }

    /**
     * The imposed PDF {@code imposed} with the structure tree of {@code tagged}.
     *
     * @param formOfPage  for each page number of {@code tagged} (index 1…n), the object number of the form
     *                    XObject that carries it in {@code imposed}, or 0 for a page not imposed
     * @param sheetOfPage for each page number of {@code tagged}, the 1-based page of {@code imposed} it is on
     */
    public static byte[] tag(byte[] imposed, byte[] tagged, int[] formOfPage, int[] sheetOfPage) throws IOException {
        PdfReader source = new PdfReader(tagged);
        PdfReader sheets = new PdfReader(imposed);
        try {
            // The imposed file's /ID, kept (the stamper would otherwise make a new half from the clock).
            PdfArray ids = sheets.getTrailer().getAsArray(PdfName.ID);
            PdfObject id = ids == null || ids.size() < 2 ? null : PdfEncryption.createInfoId(
                    ((PdfString) ids.getPdfObject(0)).getOriginalBytes(), ((PdfString) ids.getPdfObject(1)).getOriginalBytes());
            ByteArrayOutputStream out = new ByteArrayOutputStream(imposed.length + 65536);
            PdfStamper stamper = new PdfStamper(sheets, out);
            stamper.setUpdateDocInfo(false);
            stamper.setUpdateMetadata(false);
            // Otherwise the stamper appends "; modified using OpenPDF" to the producer, which the XMP does not say.
            PdfString producer = sheets.getTrailer().getAsDict(PdfName.INFO) == null ? null
                    : sheets.getTrailer().getAsDict(PdfName.INFO).getAsString(PdfName.PRODUCER);
            if (producer != null) {
                stamper.setInfoDictionary(new HashMap<>(Map.of("Producer", producer.toUnicodeString())));
            }
            // The stamper would also put the clock into the dates of the info dictionary and the XMP.
            PdfString modified = sheets.getTrailer().getAsDict(PdfName.INFO) == null ? null
                    : sheets.getTrailer().getAsDict(PdfName.INFO).getAsString(PdfName.MODDATE);
            if (modified != null) {
                stamper.setEnforcedModificationDate(PdfDate.decode(modified.toUnicodeString()));
            }
            byte[] xmp = sheets.getMetadata();
            if (xmp != null) {
                stamper.setXmpMetadata(xmp);
            }
            if (id != null) {
                stamper.setOverrideFileId(id);
            }
            int n = source.getNumberOfPages();
            PdfIndirectReference[] sheetRefs = new PdfIndirectReference[n + 1];
            PdfIndirectReference[] formRefs = new PdfIndirectReference[n + 1];
            for (int p = 1; p <= n; p++) {
                if (formOfPage[p] > 0) {
                    sheetRefs[p] = sheets.getPageOrigRef(sheetOfPage[p]);
                    formRefs[p] = new PRIndirectReference(sheets, formOfPage[p]);
                }
            }
            ImposedStructure s = new ImposedStructure(source, stamper.getWriter(), sheetRefs, formRefs);
            s.write(sheets);
            stamper.close();
            return out.toByteArray();
        } catch (DocumentException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            sheets.close();
            source.close();
        }
    }

    private void write(PdfReader sheets) throws IOException {
        PdfDictionary sourceRoot = pages.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
        if (sourceRoot == null) {
            throw new IOException("the pages to impose are not tagged");
        }
        PdfIndirectReference rootRef = writer.getPdfIndirectReference();
        PdfArray top = new PdfArray();
        for (PdfObject k : kids(sourceRoot.get(PdfName.K))) {
            PdfObject copy = kid(k, null, rootRef);
            if (copy != null) {
                top.add(copy);
            }
        }
        PdfDictionary root = new PdfDictionary(PdfName.STRUCTTREEROOT);
        root.put(PdfName.K, top);
        // The parent tree: a form's /StructParents key leads to the elements of its MCIDs.
        PdfArray nums = new PdfArray();
        int next = 0;
        for (Map.Entry<Integer, TreeMap<Integer, PdfIndirectReference>> e : parents.entrySet()) {
            int page = e.getKey();
            int key = page - 1;
            PdfArray elements = new PdfArray();
            for (int mcid = 0; mcid <= e.getValue().lastKey(); mcid++) {
                PdfIndirectReference el = e.getValue().get(mcid);
                elements.add(el != null ? el : rootRef);
            }
            nums.add(new PdfNumber(key));
            nums.add(writer.addToBody(elements).getIndirectReference());
            PdfDictionary form = (PdfDictionary) PdfReader.getPdfObject(formOfPage[page]);
            form.put(PdfName.STRUCTPARENTS, new PdfNumber(key));
            next = Math.max(next, key + 1);
        }
        PdfDictionary parentTree = new PdfDictionary();
        parentTree.put(PdfName.NUMS, nums);
        root.put(PdfName.PARENTTREE, writer.addToBody(parentTree).getIndirectReference());
        root.put(PARENT_TREE_NEXT_KEY, new PdfNumber(next));
        for (PdfName key : new PdfName[] {PdfName.ROLEMAP, new PdfName("ClassMap")}) {
            PdfObject o = sourceRoot.get(key);
            if (o != null) {
                root.put(key, copy(o));
            }
        }
        writer.addToBody(root, rootRef);
        PdfDictionary catalog = sheets.getCatalog();
        catalog.put(PdfName.STRUCTTREEROOT, rootRef);
        PdfDictionary markInfo = new PdfDictionary();
        markInfo.put(PdfName.MARKED, PdfBoolean.PDFTRUE);
        catalog.put(PdfName.MARKINFO, markInfo);
        PdfDictionary prefs = catalog.getAsDict(PdfName.VIEWERPREFERENCES);
        if (prefs == null) {
            prefs = new PdfDictionary();
            catalog.put(PdfName.VIEWERPREFERENCES, prefs);
        }
        prefs.put(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
        for (int p = 1; p <= sheets.getNumberOfPages(); p++) {
            sheets.getPageN(p).put(PdfName.TABS, PdfName.S);
        }
    }

    /** A kid of an element, copied for the sheets; null when nothing of it is on them. */
    private PdfObject kid(PdfObject k, PdfIndirectReference pg, PdfIndirectReference parent) throws IOException {
        PdfObject direct = PdfReader.getPdfObject(k);
        if (direct instanceof PdfNumber mcid) {
            return pg == null ? null : mcr(pageNumbers.get(((PRIndirectReference) pg).getNumber()), mcid.intValue(),
                    parent);
        }
        if (!(direct instanceof PdfDictionary d)) {
            return null;
        }
        PdfName type = d.getAsName(PdfName.TYPE);
        if (PdfName.MCR.equals(type)) {
            PdfObject page = d.get(PdfName.PG) != null ? d.get(PdfName.PG) : pg;
            if (page == null || d.getAsNumber(PdfName.MCID) == null) {
                return null;
            }
            return mcr(pageNumbers.get(((PRIndirectReference) page).getNumber()), d.getAsNumber(PdfName.MCID).intValue(),
                    parent);
        }
        if (PdfName.OBJR.equals(type)) {
            return null;
        }
        return d.get(PdfName.S) != null ? element(d, parent) : null;
    }

    /** Marked content {@code mcid} of page {@code page}, as a reference into the form that carries the page. */
    private PdfObject mcr(Integer page, int mcid, PdfIndirectReference element) {
        if (page == null || formOfPage[page] == null) {
            return null;
        }
        parents.computeIfAbsent(page, p -> new TreeMap<>()).put(mcid, element);
        PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
        mcr.put(PdfName.PG, sheetOfPage[page]);
        mcr.put(STM, formOfPage[page]);
        mcr.put(PdfName.MCID, new PdfNumber(mcid));
        return mcr;
    }

    /** A copy of structure element {@code d} under {@code parent}; null when none of its content is imposed. */
    private PdfIndirectReference element(PdfDictionary d, PdfIndirectReference parent) throws IOException {
        PdfIndirectReference ref = writer.getPdfIndirectReference();
        PdfIndirectReference pg = d.get(PdfName.PG) instanceof PdfIndirectReference r ? r : null;
        PdfArray kids = new PdfArray();
        for (PdfObject k : kids(d.get(PdfName.K))) {
            PdfObject copy = kid(k, pg, ref);
            if (copy != null) {
                kids.add(copy);
            }
        }
        if (kids.isEmpty()) {
            return null;
        }
        PdfDictionary out = new PdfDictionary(STRUCT_ELEM);
        for (PdfName key : d.getKeys()) {
            if (!key.equals(PdfName.K) && !key.equals(PdfName.P) && !key.equals(PdfName.PG)
                    && !key.equals(PdfName.TYPE)) {
                out.put(key, copy(d.get(key)));
            }
        }
        out.put(PdfName.P, parent);
        out.put(PdfName.K, kids);
        writer.addToBody(out, ref);
        return ref;
    }

    private static List<PdfObject> kids(PdfObject k) {
        List<PdfObject> out = new ArrayList<>();
        PdfObject direct = PdfReader.getPdfObject(k);
        if (direct instanceof PdfArray a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(a.getPdfObject(i));
            }
        } else if (k != null) {
            out.add(k);
        }
        return out;
    }

    /** A deep copy of an attribute value (names, strings, numbers, dictionaries, arrays) for the sheets' file. */
    private PdfObject copy(PdfObject o) throws IOException {
        if (o instanceof PRIndirectReference r) {
            PdfIndirectReference done = copied.get(r.getNumber());
            if (done != null) {
                return done;
            }
            PdfIndirectReference ref = writer.getPdfIndirectReference();
            copied.put(r.getNumber(), ref);
            writer.addToBody(copy(PdfReader.getPdfObject(r)), ref);
            return ref;
        }
        if (o instanceof PdfDictionary d) {
            PdfDictionary out = new PdfDictionary();
            for (PdfName key : d.getKeys()) {
                out.put(key, copy(d.get(key)));
            }
            return out;
        }
        if (o instanceof PdfArray a) {
            PdfArray out = new PdfArray();
            for (int i = 0; i < a.size(); i++) {
                out.add(copy(a.getPdfObject(i)));
            }
            return out;
        }
        if (o instanceof PdfString s) {
            PdfString out = new PdfString(s.getBytes());
            out.setHexWriting(s.isHexWriting());
            return out;
        }
        return o;
    }
}
