package dev.sheaf.read;

import dev.sheaf.model.BookMeta;

import java.util.List;

/** What book.yaml says: the book's metadata and, optionally, its chapters. */
record Manifest(BookMeta meta, boolean dateGiven, List<ChapterSpec> chapters, List<HandoutSpec> handouts) { }
