package dev.sheaf.read;

import dev.sheaf.model.SourceRef;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of {@code handouts:} in book.yaml, before its pieces are chosen: a chapter (by folder or
 * title), explicit piece ids, and/or tag and date filters over the whole book.
 */
record HandoutSpec(String name, String title, String chapter, List<String> pieces, List<String> tags,
                   LocalDate from, LocalDate to, String event, String eventDate, String place, String paper,
                   boolean booklet, boolean largeType, boolean index, String link, SourceRef where) { }
