package dev.sheaf.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Book-level metadata from {@code book.yaml}, with defaults already applied.
 *
 * @param identifier a URN ({@code urn:uuid:…} or {@code urn:isbn:…}); derived from the title when not given
 * @param date       publication date; also fixes every timestamp inside the editions
 * @param cover      cover image (book-relative), or null to generate a typographic cover
 * @param headnotes  whether the author's notes are printed above the pieces
 * @param trim       the PDF's trim size: a5, 6x9, a4 or letter
 * @param url        where the full book can be found (printed on handouts); may be null
 * @param baseUrl    where the author's own site is ({@code base-url:}, ending in "/"): links to pages of it that
 *                   are not in the book become absolute links there; may be null
 * @param handouts   the handouts book.yaml declares, their pieces resolved
 * @param hyphenate  whether the PDF's justified text is hyphenated ({@code hyphenate: false} turns it off)
 * @param pdfA       whether the PDF editions also claim PDF/A-2u ({@code pdf-standard: a-2u}, the default) or only
 *                   PDF/UA-1 ({@code pdf-standard: ua-1}); PDF/UA-1 is always claimed
 * @param printPageNumbers whether the EPUB and the site carry the print edition's page numbers
 *                   ({@code print-page-numbers:}, {@link PrintPageNumbers#AUTO} by default)
 */
public record BookMeta(
        String title,
        String subtitle,
        List<String> authors,
        String language,
        String identifier,
        String publisher,
        LocalDate date,
        String rights,
        String description,
        Path cover,
        boolean headnotes,
        String trim,
        CitationSettings citations,
        String url,
        List<Handout> handouts,
        String baseUrl,
        boolean hyphenate,
        boolean pdfA,
        PrintPageNumbers printPageNumbers) {

    public BookMeta {
        printPageNumbers = printPageNumbers == null ? PrintPageNumbers.AUTO : printPageNumbers;
    }

    /** Metadata with the print page numbers left at their default. */
    public BookMeta(String title, String subtitle, List<String> authors, String language, String identifier,
                    String publisher, LocalDate date, String rights, String description, Path cover,
                    boolean headnotes, String trim, CitationSettings citations, String url, List<Handout> handouts,
                    String baseUrl, boolean hyphenate, boolean pdfA) {
        this(title, subtitle, authors, language, identifier, publisher, date, rights, description, cover, headnotes,
                trim, citations, url, handouts, baseUrl, hyphenate, pdfA, PrintPageNumbers.AUTO);
    }

    /** Metadata without a base URL, hyphenated. */
    public BookMeta(String title, String subtitle, List<String> authors, String language, String identifier,
                    String publisher, LocalDate date, String rights, String description, Path cover,
                    boolean headnotes, String trim, CitationSettings citations, String url, List<Handout> handouts) {
        this(title, subtitle, authors, language, identifier, publisher, date, rights, description, cover, headnotes,
                trim, citations, url, handouts, null, true, true, PrintPageNumbers.AUTO);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public BookMeta withDate(LocalDate newDate) {
        return new BookMeta(title, subtitle, authors, language, identifier, publisher, newDate, rights,
                description, cover, headnotes, trim, citations, url, handouts, baseUrl, hyphenate, pdfA, printPageNumbers);
    }

    public BookMeta withHandouts(List<Handout> newHandouts) {
        return new BookMeta(title, subtitle, authors, language, identifier, publisher, date, rights,
                description, cover, headnotes, trim, citations, url, List.copyOf(newHandouts), baseUrl, hyphenate, pdfA, printPageNumbers);
    }

    public BookMeta withCitations(CitationSettings newCitations) {
        return new BookMeta(title, subtitle, authors, language, identifier, publisher, date, rights,
                description, cover, headnotes, trim, newCitations, url, handouts, baseUrl, hyphenate, pdfA, printPageNumbers);
    }

    public BookMeta withCover(Path newCover) {
        return new BookMeta(title, subtitle, authors, language, identifier, publisher, date, rights,
                description, newCover, headnotes, trim, citations, url, handouts, baseUrl, hyphenate, pdfA, printPageNumbers);
    }

    public BookMeta withPrintPageNumbers(PrintPageNumbers setting) {
        return new BookMeta(title, subtitle, authors, language, identifier, publisher, date, rights,
                description, cover, headnotes, trim, citations, url, handouts, baseUrl, hyphenate, pdfA, setting);
    }

    /** Authors joined for display: "A", "A and B", "A, B and C". */
    public String authorLine() {
        return Names.join(authors);
    }
}
