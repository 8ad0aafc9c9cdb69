package dev.sheaf.diag;

/**
 * Every diagnostic Sheaf can report. The id is stable (scripts and docs refer to it); the text and
 * the hint live in {@code Messages.properties} under the constant's name and {@code NAME_HINT}.
 *
 * <p>Prefixes: BOOK (book.yaml), FM (front matter), MD (Markdown body), CH (chapters and selection),
 * IMG (images), LINK (links), CIT (citations), IDX (the index), OUT (writing editions), IO (reading files),
 * IMP (sheaf import), FONT (the book's fonts).
 */
public enum MessageId {
    BOOK_001("BOOK-001", Severity.ERROR),   // book.yaml missing
    BOOK_002("BOOK-002", Severity.ERROR),   // book.yaml not valid YAML / not a mapping
    BOOK_003("BOOK-003", Severity.ERROR),   // required field missing
    BOOK_004("BOOK-004", Severity.ERROR),   // field of wrong type / bad value
    BOOK_005("BOOK-005", Severity.WARNING), // unknown field, did you mean
    BOOK_006("BOOK-006", Severity.ERROR),   // path leaves the book folder or is missing
    FM_001("FM-001", Severity.ERROR),       // no / unclosed front matter
    FM_002("FM-002", Severity.ERROR),       // front matter not valid YAML / not a mapping
    FM_003("FM-003", Severity.ERROR),       // required field missing
    FM_004("FM-004", Severity.ERROR),       // date is not a date
    FM_005("FM-005", Severity.ERROR),       // wrong type / bad value
    FM_006("FM-006", Severity.WARNING),     // misspelt known field
    FM_007("FM-007", Severity.INFO),        // unknown field kept
    MD_001("MD-001", Severity.WARNING),     // unsafe raw HTML removed
    MD_002("MD-002", Severity.WARNING),     // footnote reference without definition
    MD_003("MD-003", Severity.WARNING),     // footnote defined but never referenced
    MD_004("MD-004", Severity.WARNING),     // nesting too deep, flattened
    MD_005("MD-005", Severity.WARNING),     // Markdown too complex for the parser, printed as text
    MD_006("MD-006", Severity.WARNING),     // footnote label with spaces kept as text
    IMG_001("IMG-001", Severity.WARNING),   // image missing
    IMG_002("IMG-002", Severity.WARNING),   // image path leaves the book folder
    IMG_003("IMG-003", Severity.WARNING),   // not an image / unsupported format
    IMG_004("IMG-004", Severity.WARNING),   // image without alt text
    IMG_005("IMG-005", Severity.WARNING),   // remote image
    IMG_006("IMG-006", Severity.WARNING),   // image too large or truncated
    IMG_007("IMG-007", Severity.WARNING),   // SVG the PDF cannot draw: its description printed there
    LINK_001("LINK-001", Severity.WARNING), // link to something not in the book, printed as text
    LINK_002("LINK-002", Severity.WARNING), // fragment names no id of the target piece
    LINK_003("LINK-003", Severity.WARNING), // not a web or mail address, printed as text
    IO_003("IO-003", Severity.ERROR),       // file is a link leading outside the book
    CH_001("CH-001", Severity.ERROR),       // chapters folder missing
    CH_002("CH-002", Severity.ERROR),       // selection names a piece/folder that does not exist
    CH_003("CH-003", Severity.WARNING),     // chapter selects no pieces
    CH_004("CH-004", Severity.WARNING),     // piece not in any chapter
    CH_005("CH-005", Severity.ERROR),       // book has no pieces
    CIT_001("CIT-001", Severity.WARNING),   // unknown citation key, printed as written
    CIT_002("CIT-002", Severity.ERROR),     // bibliography file unreadable
    CIT_003("CIT-003", Severity.ERROR),     // unknown citation style
    CIT_004("CIT-004", Severity.WARNING),   // duplicate key in bibliographies
    CIT_005("CIT-005", Severity.ERROR),     // a book's .csl file is not well-formed XML or not a usable CSL style
    IDX_001("IDX-001", Severity.ERROR),     // index.yaml not valid YAML / wrong shape
    IDX_002("IDX-002", Severity.ERROR),     // index field of wrong type / bad value
    IDX_003("IDX-003", Severity.WARNING),   // unknown field in an index entry
    IDX_004("IDX-004", Severity.WARNING),   // index entry matches nothing in the book
    IDX_005("IDX-005", Severity.WARNING),   // index mark names no entry
    IDX_006("IDX-006", Severity.WARNING),   // see / see also names no entry
    IDX_007("IDX-007", Severity.WARNING),   // the same form claimed by two entries
    IDX_008("IDX-008", Severity.WARNING),   // a handout asks for an index the book does not have
    IDX_009("IDX-009", Severity.WARNING),   // index entry mentioned in too many pieces to be useful
    IO_001("IO-001", Severity.ERROR),       // cannot read file
    IO_002("IO-002", Severity.ERROR),       // not valid UTF-8
    OUT_001("OUT-001", Severity.ERROR),     // output folder not usable
    OUT_002("OUT-002", Severity.ERROR),     // unknown format
    OUT_003("OUT-003", Severity.ERROR),     // writing an edition failed
    OUT_004("OUT-004", Severity.WARNING),   // characters no embedded font can print
    COVER_001("COVER-001", Severity.WARNING), // raster cover under 300 dpi at the trim size
    FONT_001("FONT-001", Severity.WARNING), // a file in fonts/ is no usable font: left out
    IMP_001("IMP-001", Severity.ERROR),     // source cannot be imported (truncated, protected, no article)
    IMP_002("IMP-002", Severity.ERROR),     // not a format sheaf import reads
    IMP_003("IMP-003", Severity.WARNING),   // image only linked, kept as a link
    IMP_004("IMP-004", Severity.WARNING),   // changed in the source, but the author edited the piece: kept
    IMP_005("IMP-005", Severity.WARNING),   // image missing from the --media folder
    IMP_006("IMP-006", Severity.WARNING),   // something in the source has no Markdown form; what was done
    IMP_007("IMP-007", Severity.WARNING),   // no title in the source
    IMP_008("IMP-008", Severity.ERROR),     // the book folder cannot be used
    IMP_009("IMP-009", Severity.WARNING),   // no date in the source
    IMP_010("IMP-010", Severity.WARNING),   // book.yaml field not in the source, a default written
    IMP_011("IMP-011", Severity.WARNING),   // several pieces of one source have no date (one warning for all)
    IMP_012("IMP-012", Severity.WARNING);   // links to documents of the source that were not imported: text only

    private final String code;
    private final Severity defaultSeverity;

    MessageId(String code, Severity defaultSeverity) {
        this.code = code;
        this.defaultSeverity = defaultSeverity;
    }

    /** The printed id, e.g. {@code FM-004}. */
    public String code() {
        return code;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
