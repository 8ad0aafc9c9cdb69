package dev.sheaf.read;

import com.vladsch.flexmark.ast.Code;
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
 * and smart typography, with inline comments read as CommonMark 0.31 does ({@link InlineComments}) and code spans'
 * text taken as the spec says ({@link #codeText}). {@code CommonMarkSpecTest} holds this configuration to the
 * CommonMark spec's own examples.
 */
final class MarkdownParser {

    private MarkdownParser() { }

    /** The parser's options (an HTML renderer built on them renders the same extensions). */
    static final DataHolder OPTIONS = options();

    private static final Parser PARSER = Parser.builder(OPTIONS).build();

    static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /**
     * A code span's content as the spec reads it: line endings become spaces, and one space goes from each side
     * when both sides have one and the content is not all spaces ({@code `` `a` ``} for a span holding
     * backticks). flexmark's tree keeps the content as written, and its HTML renderer trims every space instead.
     */
    static String codeText(Code code) {
        String text = code.getText().toString().replace('\n', ' ');
        if (text.length() >= 2 && text.charAt(0) == ' ' && text.charAt(text.length() - 1) == ' '
                && text.chars().anyMatch(c -> c != ' ')) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static DataHolder options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), TypographicExtension.create(), new InlineComments()));
        // GFM-style tables need no leading pipe; header separator required.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        return options.toImmutable();
    }
}
