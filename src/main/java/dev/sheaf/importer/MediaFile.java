package dev.sheaf.importer;

/**
 * An image (or other file) a piece refers to, copied next to the piece when it is written. The body
 * refers to it as {@code media:NAME}; the writer names the file {@code <slug>-NAME}.
 *
 * @param name a file-name-safe name, unique within its piece
 */
public record MediaFile(String name, byte[] data) {

    /** The reference an importer writes into the Markdown body. */
    public static String reference(String name) {
        return "media:" + name;
    }
}
