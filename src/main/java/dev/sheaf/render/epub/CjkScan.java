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
            Walk.inlines(p.body(), i -> found[0] |= i instanceof Inline.Text t && isCjk(t.text()));
            p.footnotes().forEach(n -> Walk.inlines(n.content(), i -> found[0] |= i instanceof Inline.Text t && isCjk(t.text())));
            Walk.inlines(p.meta().note(), i -> found[0] |= i instanceof Inline.Text t && isCjk(t.text()));
            if (found[0]) {
                return true;
            }
        }
        return false;
    }

    static boolean isCjk(String s) {
        if (s == null) {
            return false;
        }
        return s.codePoints().anyMatch(CjkScan::isCjk);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }
}
