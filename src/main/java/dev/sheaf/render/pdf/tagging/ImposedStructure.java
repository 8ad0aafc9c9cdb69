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

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
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
 * pass over the imposed file with {@link PdfStamper}, which rewrites the form dictionaries it was given. An
 * imported page leaves its annotations behind, so the pages' link annotations are carried onto the sheets here:
 * each rectangle (and destination) moved as its page was placed, its {@code /StructParent} a new key of the
 * parent tree and its {@code OBJR} in the copy of its Link element.
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
    /** How each page was placed on its sheet: from the page's user space to the sheet's. */
    private final AffineTransform[] placement;
    /** The link annotations carried onto the sheets, by the object number of the page's annotation. */
    private final Map<Integer, Carried> carried = new HashMap<>();
    /** Annotation key → its Link element, for the parent tree; keys follow the forms' (0 … pages − 1). */
    private final TreeMap<Integer, PdfIndirectReference> annotationParents = new TreeMap<>();

    /** A page's annotation on its sheet: the copy, the sheet it is on, its key in the parent tree. */
    private record Carried(PdfIndirectReference ref, PdfIndirectReference sheet, int key) { }

    private ImposedStructure(PdfReader pages, PdfWriter writer, PdfIndirectReference[] sheetOfPage,
                             PdfIndirectReference[] formOfPage, AffineTransform[] placement) {
        this.pages = pages;
        this.writer = writer;
        this.sheetOfPage = sheetOfPage;
        this.formOfPage = formOfPage;
        this.placement = placement;
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
     * @param placement   for each page number of {@code tagged}, how it was placed on its sheet (the matrix given
     *                    to {@code addTemplate}), or null for a page not imposed
     */
    public static byte[] tag(byte[] imposed, byte[] tagged, int[] formOfPage, int[] sheetOfPage,
                             AffineTransform[] placement) throws IOException {
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
            ImposedStructure s = new ImposedStructure(source, stamper.getWriter(), sheetRefs, formRefs, placement);
            s.carryLinks(sheets, sheetOfPage);
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
        // An annotation's key leads straight to its Link element (no array: an annotation is one object).
        for (Map.Entry<Integer, PdfIndirectReference> e : annotationParents.entrySet()) {
            nums.add(new PdfNumber(e.getKey()));
            nums.add(e.getValue());
            next = Math.max(next, e.getKey() + 1);
        }
        for (Carried c : carried.values()) {
            if (!annotationParents.containsKey(c.key())) {
                // Not reached from the tree (never seen: every annotation of a tagged page is in it).
                ((PdfDictionary) PdfReader.getPdfObject(c.ref())).remove(PdfName.STRUCTPARENT);
            }
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

    /**
     * Copies every page's link annotations onto the sheet it is placed on, moved as the page was (rectangle,
     * quadrilaterals, destinations), each listed in its sheet's {@code /Annots} with a new parent-tree key. A
     * link whose destination lies on a page that was not imposed is left behind (its element keeps its text).
     */
    private void carryLinks(PdfReader sheets, int[] sheetOfPage) throws IOException {
        int key = pages.getNumberOfPages();
        for (int p = 1; p <= pages.getNumberOfPages(); p++) {
            PdfArray annots = pages.getPageN(p).getAsArray(PdfName.ANNOTS);
            if (annots == null || formOfPage[p] == null || placement[p] == null) {
                continue;
            }
            PdfArray onSheet = null;
            for (int i = 0; i < annots.size(); i++) {
                if (!(annots.getPdfObject(i) instanceof PRIndirectReference ref)
                        || !(PdfReader.getPdfObject(ref) instanceof PdfDictionary a)
                        || !PdfName.LINK.equals(a.getAsName(PdfName.SUBTYPE))) {
                    continue;
                }
                PdfDictionary copy = link(a, placement[p]);
                if (copy == null) {
                    continue;
                }
                copy.put(PdfName.P, sheetOfPage(p));
                copy.put(PdfName.STRUCTPARENT, new PdfNumber(key));
                PdfIndirectReference to = writer.addToBody(copy).getIndirectReference();
                carried.put(ref.getNumber(), new Carried(to, sheetOfPage(p), key));
                key++;
                if (onSheet == null) {
                    PdfDictionary sheet = sheets.getPageN(sheetOfPage[p]);
                    onSheet = sheet.getAsArray(PdfName.ANNOTS);
                    if (onSheet == null) {
                        onSheet = new PdfArray();
                        sheet.put(PdfName.ANNOTS, onSheet);
                    }
                }
                onSheet.add(to);
            }
        }
    }

    private PdfIndirectReference sheetOfPage(int page) {
        return sheetOfPage[page];
    }

    /** A copy of link annotation {@code a} for the sheets, moved by {@code at}; null when its target is not there. */
    private PdfDictionary link(PdfDictionary a, AffineTransform at) throws IOException {
        PdfDictionary out = new PdfDictionary(PdfName.ANNOT);
        for (PdfName key : a.getKeys()) {
            PdfObject v = a.get(key);
            if (key.equals(PdfName.P) || key.equals(PdfName.STRUCTPARENT) || key.equals(PdfName.TYPE)) {
                continue;
            }
            if (key.equals(PdfName.RECT)) {
                out.put(key, rect(a.getAsArray(PdfName.RECT), at));
            } else if (key.equals(PdfName.QUADPOINTS)) {
                out.put(key, points(a.getAsArray(PdfName.QUADPOINTS), at));
            } else if (key.equals(PdfName.DEST)) {
                PdfObject dest = destination(PdfReader.getPdfObject(v));
                if (dest == null) {
                    return null;
                }
                out.put(key, dest);
            } else if (key.equals(PdfName.A)) {
                PdfObject action = action(PdfReader.getPdfObject(v));
                if (action == null) {
                    return null;
                }
                out.put(key, action);
            } else {
                out.put(key, copy(v));
            }
        }
        return out;
    }

    /** An action: a go-to's destination moved onto the sheets, any other action copied. */
    private PdfObject action(PdfObject o) throws IOException {
        if (!(o instanceof PdfDictionary d)) {
            return null;
        }
        PdfDictionary out = new PdfDictionary();
        for (PdfName key : d.getKeys()) {
            if (key.equals(PdfName.D) && PdfName.GOTO.equals(d.getAsName(PdfName.S))) {
                PdfObject dest = destination(PdfReader.getPdfObject(d.get(key)));
                if (dest == null) {
                    return null;
                }
                out.put(key, dest);
            } else if (key.equals(PdfName.NEXT)) {
                continue; // chained actions: none are made, and they could lead to the pages' objects
            } else {
                out.put(key, copy(d.get(key)));
            }
        }
        return out;
    }

    /**
     * A destination on a page, as the same place on the sheet that carries the page; a named destination is
     * looked up first. Null when the page was not imposed.
     */
    private PdfObject destination(PdfObject o) {
        if (o instanceof PdfString || o instanceof PdfName) {
            Object name = o instanceof PdfString s ? s.toUnicodeString() : PdfName.decodeName(o.toString());
            o = PdfReader.getPdfObject(pages.getNamedDestination().get(name));
            if (o instanceof PdfDictionary d) {
                o = PdfReader.getPdfObject(d.get(PdfName.D));
            }
        }
        if (!(o instanceof PdfArray d) || d.size() < 2 || !(d.getPdfObject(0) instanceof PRIndirectReference page)) {
            return null;
        }
        Integer number = pageNumbers.get(page.getNumber());
        if (number == null || sheetOfPage[number] == null || placement[number] == null) {
            return null;
        }
        AffineTransform at = placement[number];
        PdfArray out = new PdfArray();
        out.add(sheetOfPage[number]);
        PdfName kind = d.getAsName(1);
        out.add(kind);
        List<PdfObject> args = new ArrayList<>();
        for (int i = 2; i < d.size(); i++) {
            args.add(d.getPdfObject(i));
        }
        // Coordinates by kind: XYZ left top zoom, FitH/FitBH top, FitV/FitBV left, FitR left bottom right top.
        if (PdfName.XYZ.equals(kind) && args.size() >= 2) {
            Point2D p = point(args.get(0), args.get(1), at);
            args.set(0, number(args.get(0), p.getX()));
            args.set(1, number(args.get(1), p.getY()));
        } else if ((PdfName.FITH.equals(kind) || PdfName.FITBH.equals(kind)) && !args.isEmpty()) {
            args.set(0, number(args.get(0), point(null, args.get(0), at).getY()));
        } else if ((PdfName.FITV.equals(kind) || PdfName.FITBV.equals(kind)) && !args.isEmpty()) {
            args.set(0, number(args.get(0), point(args.get(0), null, at).getX()));
        } else if (PdfName.FITR.equals(kind) && args.size() >= 4) {
            PdfArray r = new PdfArray();
            args.subList(0, 4).forEach(r::add);
            PdfArray moved = rect(r, at);
            for (int i = 0; i < 4; i++) {
                args.set(i, moved.getPdfObject(i));
            }
        }
        args.forEach(out::add);
        return out;
    }

    /** A point of a destination, 0 for a coordinate left unspecified (null), moved by {@code at}. */
    private static Point2D point(PdfObject x, PdfObject y, AffineTransform at) {
        double px = x instanceof PdfNumber n ? n.doubleValue() : 0;
        double py = y instanceof PdfNumber n ? n.doubleValue() : 0;
        return at.transform(new Point2D.Double(px, py), null);
    }

    /** A coordinate: null stays null ("keep the current one"), a number becomes {@code value}. */
    private static PdfObject number(PdfObject was, double value) {
        return was instanceof PdfNumber ? new PdfNumber((float) value) : was;
    }

    /** The rectangle that holds {@code r} moved by {@code at} (the same rectangle when only moved or scaled). */
    private static PdfArray rect(PdfArray r, AffineTransform at) {
        Rectangle2D.Double box = new Rectangle2D.Double();
        box.setFrameFromDiagonal(r.getAsNumber(0).doubleValue(), r.getAsNumber(1).doubleValue(),
                r.getAsNumber(2).doubleValue(), r.getAsNumber(3).doubleValue());
        Rectangle2D moved = at.createTransformedShape(box).getBounds2D();
        PdfArray out = new PdfArray();
        out.add(new PdfNumber((float) moved.getMinX()));
        out.add(new PdfNumber((float) moved.getMinY()));
        out.add(new PdfNumber((float) moved.getMaxX()));
        out.add(new PdfNumber((float) moved.getMaxY()));
        return out;
    }

    /** Quadrilaterals (x1 y1 … x4 y4, repeated), each point moved by {@code at}. */
    private static PdfArray points(PdfArray q, AffineTransform at) {
        PdfArray out = new PdfArray();
        for (int i = 0; i + 1 < q.size(); i += 2) {
            Point2D p = at.transform(new Point2D.Double(q.getAsNumber(i).doubleValue(),
                    q.getAsNumber(i + 1).doubleValue()), null);
            out.add(new PdfNumber((float) p.getX()));
            out.add(new PdfNumber((float) p.getY()));
        }
        return out;
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
            Carried c = d.get(PdfName.OBJ) instanceof PRIndirectReference obj ? carried.get(obj.getNumber()) : null;
            if (c == null) {
                return null;
            }
            annotationParents.put(c.key(), parent);
            PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
            objr.put(PdfName.OBJ, c.ref());
            objr.put(PdfName.PG, c.sheet());
            return objr;
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
