package dev.sheaf.read;

import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.Set;

/**
 * Inline HTML comments as CommonMark 0.31 reads them: {@code <!-->}, {@code <!--->}, or {@code <!--} up to the
 * next {@code -->}, whatever lies between. flexmark follows the older rule (no {@code --} inside), so an author's
 * {@code <!-- TODO -- check -->} in a paragraph would be printed in the book. Tried before flexmark's own
 * {@code <} handling; what it does not take is left to flexmark.
 */
final class InlineComments implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // no options
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineParserExtensionFactory(new Factory());
    }

    private static final class Factory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "<";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new Extension();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static final class Extension implements InlineParserExtension {
        @Override
        public void finalizeDocument(InlineParser parser) {
            // nothing kept between blocks
        }

        @Override
        public void finalizeBlock(InlineParser parser) {
            // nothing kept between blocks
        }

        @Override
        public boolean parse(LightInlineParser parser) {
            BasedSequence input = parser.getInput();
            int start = parser.getIndex();
            if (!input.matchChars("<!--", start)) {
                return false;
            }
            int end;
            if (input.matchChars("<!-->", start)) {
                end = start + 5;
            } else if (input.matchChars("<!--->", start)) {
                end = start + 6;
            } else {
                int close = input.indexOf("-->", start + 4);
                if (close < 0) {
                    return false;
                }
                end = close + 3;
            }
            parser.flushTextNode();
            parser.getBlock().appendChild(new HtmlInlineComment(input.subSequence(start, end)));
            parser.setIndex(end);
            return true;
        }
    }
}
