package dev.sheaf.model;

import java.util.List;

/**
 * A printable handout for an event: some of the book's pieces, with a cover sheet naming the event
 * and linking to the full book.
 *
 * @param name      file name without extension ({@code handouts/<name>.pdf})
 * @param title     shown on the cover sheet
 * @param pieceIds  the pieces it holds, in order (ids as in {@link Piece#id()})
 * @param event     the event's name; may be null
 * @param eventDate free text, e.g. "10 February 2022"; may be null
 * @param place     where the event is; may be null
 * @param paper     {@code a4} or {@code letter}
 * @param booklet   true to impose A5 pages two-up on landscape sheets in saddle-stitch order
 * @param largeType larger text for readers who need it
 * @param index     the book's index entries for these pieces, printed after them
 * @param link      the full book's address, printed and as a QR code; may be null
 */
public record Handout(String name, String title, List<String> pieceIds, String event, String eventDate,
                      String place, String paper, boolean booklet, boolean largeType, boolean index, String link,
                      SourceRef source) { }
