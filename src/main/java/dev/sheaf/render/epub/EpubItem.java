package dev.sheaf.render.epub;

/**
 * One file of the publication, as the package document lists it.
 *
 * @param href       path relative to the package document
 * @param properties OPF item properties ({@code nav}, {@code cover-image}), or null
 */
record EpubItem(String id, String href, String mediaType, byte[] data, String properties) { }
