package dev.sheaf.render;

import dev.sheaf.model.Block;
import dev.sheaf.model.Book;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;

import java.util.List;

/**
 * Whether a book holds Chinese, Japanese or Korean text, which needs a CJK face: the EPUB embeds the book's CJK
 * fallback face only then, and the site lists it in its font stacks only then.
 */
public final class CjkText {

    /**
     * No code point below this one is of a CJK script: U+02EA, a Bopomofo tone mark, is the first (Hangul begins at
     * U+1100, Han at U+2E80). Text in Latin letters is passed over without asking the JDK's script tables, a binary
     * search per character (CjkTextTest checks the bound against those tables).
     */
    static final int FIRST = 0x02EA;

    private CjkText() { }

    /** Whether any text of the book is CJK: its metadata, chapter titles and introductions, pieces and notes. */
    public static boolean in(Book book) {
        if (in(book.meta().title()) || in(book.meta().subtitle()) || in(book.meta().authorLine())
                || in(book.meta().description())) {
            return true;
        }
        for (Chapter c : book.chapters()) {
            if (in(c.title()) || in(c.intro())) {
                return true;
            }
        }
        for (Piece p : book.pieces()) {
            if (in(p.title()) || in(p.meta().subtitle()) || in(p.body()) || in(p.meta().note())
                    || p.footnotes().stream().anyMatch(n -> in(n.content()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether any text of {@code blocks} is CJK; once one is found, the rest is walked but no longer read. */
    public static boolean in(List<Block> blocks) {
        boolean[] found = {false};
        Walk.inlines(blocks, i -> found[0] = found[0] || i instanceof Inline.Text t && in(t.text()));
        return found[0];
    }

    /** Whether {@code s} (which may be null) has a CJK character. */
    public static boolean in(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= FIRST && isCjk(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }
}
