package dev.sheaf.importer;

/** What a source says about the book as a whole; any field may be null. Used for a new book.yaml. */
public record BookInfo(String title, String author, String language, String description, String url) {

    public static BookInfo none() {
        return new BookInfo(null, null, null, null, null);
    }
}
