package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Block;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.PieceDate;
import dev.sheaf.model.PieceMeta;
import dev.sheaf.model.SourceRef;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one piece: YAML front matter plus a Markdown body, into a {@link Piece}. */
public final class PieceReader {

    /**
     * The front matter fields Sheaf understands; anything else is kept in {@code extra}. The schema
     * (src/main/resources/dev/sheaf/schema/piece.schema.json) lists the same; BookSchemasTest checks it.
     */
    static final Set<String> KNOWN = Set.of("title", "subtitle", "author", "authors", "date", "date_estimated",
            "date_basis", "outlet", "url", "type", "tags", "note", "rights", "image", "image_alt", "caption",
            "credit", "author_bio", "dateline", "language",
            // written by "sheaf import" to recognise a piece on the next import (see docs/IMPORT.md)
            "import_source", "import_hash");

    /** The fields of a chapter's {@code _chapter.md} (schema: chapter.schema.json). */
    static final Set<String> CHAPTER_KNOWN = Set.of("title", "order");

    private final Path root;
    private final ImageResolver images;
    private final Diagnostics diags;

    /** @param root the book folder; source paths in diagnostics are relative to it */
    public PieceReader(Path root, Diagnostics diags) {
        this(root, diags, p -> { });
    }

    /** @param images hears every file the piece's image references lead to */
    PieceReader(Path root, Diagnostics diags, java.util.function.Consumer<Path> images) {
        this.root = root.toAbsolutePath().normalize();
        this.images = new ImageResolver(this.root, diags, images);
        this.diags = diags;
    }

    /**
     * Reads {@code file}. Returns empty when the piece cannot be used (its problems are reported);
     * a piece with only warnings is returned.
     *
     * @param id             the piece id ({@code folder/name})
     * @param defaultAuthors used when the front matter names no author
     */
    public Optional<Piece> read(Path file, String id, List<String> defaultAuthors) {
        Path abs = file.toAbsolutePath().normalize();
        SourceRef src = SourceRef.of(root.relativize(abs));
        Optional<String> text = SourceText.read(abs, src, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter fm = FrontMatter.split(text.get());
        if (fm.unclosed()) {
            diags.report(MessageId.FM_001, src.at(1, 1), "is not closed");
            return Optional.empty();
        }
        if (fm.yaml() == null) {
            diags.report(MessageId.FM_001, src.at(1, 1), "is missing");
            return Optional.empty();
        }
        Optional<YamlFields> parsed = YamlFields.parse(fm.yaml(), src, fm.yamlFirstLine(), diags,
                MessageId.FM_002, MessageId.FM_005);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YamlFields f = parsed.get();
        Path dir = abs.getParent();
        Optional<PieceMeta> meta = meta(f, src, dir, defaultAuthors);
        Optional<MarkdownConverter.Result> converted = DeepStack.call(
                () -> new MarkdownConverter(src, fm.bodyFirstLine(), dir, images, diags).convert(fm.body()));
        if (converted.isEmpty()) {
            // Degrade to the text as written rather than lose the piece (and so the book).
            diags.report(MessageId.MD_005, src.at(fm.bodyFirstLine(), 1));
            converted = Optional.of(new MarkdownConverter.Result(plainParagraphs(fm.body()), List.of()));
        }
        MarkdownConverter.Result body = new MarkdownConverter.Result(Outline.levels(converted.get().blocks()),
                converted.get().footnotes());
        return meta.map(m -> new Piece(id, Slugs.slug(id.substring(id.lastIndexOf('/') + 1), "piece"),
                src, m, body.blocks(), body.footnotes()));
    }

    /** The text split into paragraphs at blank lines, nothing interpreted. */
    static List<Block> plainParagraphs(String text) {
        List<Block> out = new java.util.ArrayList<>();
        for (String para : text.split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                out.add(new Block.Paragraph(List.of(new Inline.Text(para.strip().replaceAll("\\s+", " ")))));
            }
        }
        return List.copyOf(out);
    }

    private Optional<PieceMeta> meta(YamlFields f, SourceRef src, Path dir, List<String> defaultAuthors) {
        Optional<String> title = f.string("title");
        if (title.isEmpty()) {
            diags.report(MessageId.FM_003, f.where("title"), "title");
        }
        boolean estimated = f.bool("date_estimated").orElse(false);
        Optional<PieceDate> date = Optional.empty();
        Optional<String> dateText = f.string("date");
        if (dateText.isEmpty()) {
            diags.report(MessageId.FM_003, f.where("date"), "date");
        } else {
            date = PieceDate.parse(dateText.get(), estimated, f.string("date_basis").orElse(null));
            if (date.isEmpty()) {
                diags.report(MessageId.FM_004, f.whereValue("date"), dateText.get());
            }
        }
        List<String> authors = f.has("authors") ? f.strings("authors") : f.strings("author");
        List<Block> note = f.text("note")
                .map(t -> subDocument(t, f, "note", src, dir).blocks()).orElse(List.of());
        List<Inline> caption = f.text("caption")
                .map(t -> new MarkdownConverter(src, f.whereValue("caption").line(), dir, images, diags)
                        .convertInline(t)).orElse(List.of());
        Optional<String> image = f.string("image")
                .flatMap(i -> images.resolve(i, dir, f.whereValue("image")));
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String name : f.names()) {
            if (KNOWN.contains(name)) {
                continue;
            }
            Optional<String> near = FieldNames.nearest(name, KNOWN);
            if (near.isPresent()) {
                diags.reportWithHint(MessageId.FM_006, f.where(name), "did you mean \"" + near.get() + "\"?", name);
            } else {
                diags.report(MessageId.FM_007, f.where(name), name);
            }
            extra.put(name, f.plain(name));
        }
        if (title.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PieceMeta(title.get(), f.string("subtitle").orElse(null),
                authors.isEmpty() ? defaultAuthors : authors, date.get(), f.string("outlet").orElse(null),
                f.string("url").orElse(null), f.string("type").orElse(null), f.strings("tags"), note,
                f.string("rights").orElse(null), image.orElse(null), f.string("image_alt").orElse(null),
                caption, f.string("credit").orElse(null), f.string("author_bio").orElse(null),
                f.string("dateline").orElse(null), f.string("language").orElse(null), Map.copyOf(extra)));
    }

    /** Markdown held in a front matter field; block scalars start on the line after the field name. */
    private MarkdownConverter.Result subDocument(String text, YamlFields f, String name, SourceRef src, Path dir) {
        SourceRef v = f.whereValue(name);
        int line = v.line() == f.where(name).line() ? v.line() + 1 : v.line();
        return new MarkdownConverter(src, line, dir, images, diags).convert(text);
    }

    /** Reads a chapter's {@code _chapter.md}: title, order and introduction. */
    Optional<ChapterIntro> readIntro(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        SourceRef src = SourceRef.of(root.relativize(abs));
        Optional<String> text = SourceText.read(abs, src, diags);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        FrontMatter fm = FrontMatter.split(text.get());
        if (fm.unclosed()) {
            diags.report(MessageId.FM_001, src.at(1, 1), "is not closed");
            return Optional.empty();
        }
        String title = null;
        Integer order = null;
        if (fm.yaml() != null) {
            Optional<YamlFields> parsed = YamlFields.parse(fm.yaml(), src, fm.yamlFirstLine(), diags,
                    MessageId.FM_002, MessageId.FM_005);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            YamlFields f = parsed.get();
            title = f.string("title").orElse(null);
            Optional<String> o = f.string("order");
            if (o.isPresent()) {
                try {
                    order = Integer.parseInt(o.get());
                } catch (NumberFormatException e) {
                    diags.report(MessageId.FM_005, f.whereValue("order"), "order", "must be a whole number");
                }
            }
            for (String name : f.names()) {
                if (!CHAPTER_KNOWN.contains(name)) {
                    FieldNames.nearest(name, CHAPTER_KNOWN).ifPresentOrElse(
                            near -> diags.reportWithHint(MessageId.FM_006, f.where(name),
                                    "did you mean \"" + near + "\"?", name),
                            () -> diags.report(MessageId.FM_007, f.where(name), name));
                }
            }
        }
        List<Block> intro = new MarkdownConverter(src, fm.bodyFirstLine(), abs.getParent(), images, diags)
                .convert(fm.body()).blocks();
        return Optional.of(new ChapterIntro(title, order, intro, src));
    }

    /** What a chapter's intro file says. */
    record ChapterIntro(String title, Integer order, List<Block> intro, SourceRef source) { }
}
