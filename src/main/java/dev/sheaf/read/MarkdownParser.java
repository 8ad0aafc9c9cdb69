package dev.sheaf.read;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * The one way Sheaf parses Markdown: flexmark, configured for CommonMark with footnotes, tables, strikethrough
 * and smart typography. {@code CommonMarkSpecTest} holds this configuration to the CommonMark spec's examples.
 */
final class MarkdownParser {

    private MarkdownParser() { }

    /** The parser's options (an HTML renderer built on them renders the same extensions). */
    static final DataHolder OPTIONS = options();

    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    private static DataHolder options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), TypographicExtension.create()));
        // GFM-style tables need no leading pipe; header separator required.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options.toImmutable();
    }
}
