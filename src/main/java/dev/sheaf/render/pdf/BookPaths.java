package dev.sheaf.render.pdf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Book-relative file paths as URLs relative to the print document, whose base URL is the book folder.
 * The document never holds an absolute path, so the PDF (and its /ID, a hash of the document) does not
 * depend on where the book lies.
 */
final class BookPaths {

    private BookPaths() { }

    static String href(Path bookRelative) {
        return href(bookRelative.toString().replace('\\', '/'));
    }

    /** Each segment percent-encoded; a leading "./" keeps a colon in the first segment from reading as a scheme. */
    static String href(String bookRelative) {
        StringBuilder sb = new StringBuilder("./");
        for (byte b : bookRelative.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
