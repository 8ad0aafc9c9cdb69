package dev.sheaf.render.epub;

import java.util.List;

/** A contents entry (chapter or piece) for the nav document and the NCX. */
record TocEntry(String title, String href, List<TocEntry> children) { }
