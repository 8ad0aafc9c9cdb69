package dev.sheaf.render.epub;

import dev.sheaf.model.Book;
import dev.sheaf.model.Inline;
import dev.sheaf.model.Piece;
import dev.sheaf.model.Walk;

/** Tells whether a book holds Chinese, Japanese or Korean text (and so needs the CJK font). */
final class CjkScan {

    private CjkScan() { }

    static boolean hasCjk(Book book) {
        if (isCjk(book.meta().title()) || isCjk(book.meta().authorLine())) {
            return true;
        }
        for (Piece p : book.pieces()) {
            if (isCjk(p.title()) || isCjk(p.meta().subtitle())) {
                return true;
            }
            boolean[] found = {false};
            // Once found, the rest of the piece is walked but no longer read.
            Walk.inlines(p.body(), i -> found[0] = found[0] || i instanceof Inline.Text t && isCjk(t.text()));
            p.footnotes().forEach(n -> Walk.inlines(n.content(),
                    i -> found[0] = found[0] || i instanceof Inline.Text t && isCjk(t.text())));
            Walk.inlines(p.meta().note(), i -> found[0] = found[0] || i instanceof Inline.Text t && isCjk(t.text()));
            if (found[0]) {
                return true;
            }
        }
        return false;
    }

    /**
     * No code point below this one is of a CJK script: U+02EA, a Bopomofo tone mark, is the first (Hangul begins at
     * U+1100, Han at U+2E80). Text in Latin letters is passed over without asking the JDK's script tables, a binary
     * search per character (CjkScanTest checks the bound against those tables).
     */
    static final int FIRST = 0x02EA;

    static boolean isCjk(String s) {
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
