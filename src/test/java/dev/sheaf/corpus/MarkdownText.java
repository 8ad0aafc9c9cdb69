package dev.sheaf.corpus;

import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The text a reader sees in a Markdown file, read by the CommonMark reference parser for Java (not by
 * flexmark, which Sheaf uses, so that the check does not share Sheaf's reading): text, code spans and code
 * blocks, the text of raw HTML; not link destinations, not image descriptions (they are not printed when
 * the image is), not front matter, not a heading's attributes ({@code ## Recap { #recap }}, which Pandoc and
 * Sheaf read as the heading's id and classes).
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create())).build();

    private static final String ATTRIBUTE = "(?:[#.][^\\s{}]+|[\\w-]+=(?:\"[^\"]*\"|[^\\s{}]*)|-)";
    private static final Pattern HEADING_ATTRIBUTES =
            Pattern.compile("\\s*\\{\\s*" + ATTRIBUTE + "(?:\\s+" + ATTRIBUTE + ")*\\s*}\\s*$");

    private MarkdownText() { }

    static String of(String markdown) {
        String body = markdown.replace("\r\n", "\n");
        if (body.startsWith("---\n")) {
            int end = body.indexOf("\n---\n", 3);
            body = end < 0 ? body : body.substring(end + 5);
        }
        StringBuilder out = new StringBuilder();
        PARSER.parse(body).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Heading heading) {
                int start = out.length();
                visitChildren(heading);
                String text = out.substring(start);
                out.setLength(start);
                out.append(HEADING_ATTRIBUTES.matcher(text).replaceFirst(" "));
            }

            @Override
            public void visit(Code code) {
                out.append(' ').append(code.getLiteral()).append(' ');
            }

            @Override
            public void visit(FencedCodeBlock block) {
                out.append('\n').append(block.getLiteral()).append('\n');
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                out.append('\n').append(block.getLiteral()).append('\n');
            }

            @Override
            public void visit(HtmlBlock html) {
                out.append('\n').append(Jsoup.parseBodyFragment(html.getLiteral()).body().text()).append('\n');
            }

            @Override
            public void visit(HtmlInline html) {
                out.append(' ');
            }

            @Override
            public void visit(Image image) {
                out.append(' ');
            }

            @Override
            public void visit(SoftLineBreak br) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                out.append(' ');
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    out.append(' ');
                }
            }
        });
        return out.toString();
    }
}
