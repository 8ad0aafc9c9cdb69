package dev.sheaf.importer;

import dev.sheaf.read.Slugs;

import java.util.Locale;

/** File names for copied media: a slug of the name, keeping a short extension. */
final class Slugify {

    private Slugify() { }

    static String fileName(String original) {
        int dot = original.lastIndexOf('.');
        String stem = dot > 0 ? original.substring(0, dot) : original;
        String ext = dot > 0 ? original.substring(dot + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") : "";
        String s = Slugs.slug(stem, "image");
        return ext.isEmpty() || ext.length() > 5 ? s : s + "." + (ext.equals("jpeg") ? "jpg" : ext);
    }
}
