package dev.sheaf.render.pagelist;

import dev.sheaf.render.xhtml.TextPlaces;

/**
 * Where a page of the print edition begins, as a place in the text every edition writes (see
 * {@link TextPlaces}).
 *
 * @param unit      the piece or chapter opener the page begins in ({@code p-<slug>}, {@code ch-<slug>})
 * @param container the text container in the unit, or {@link TextPlaces#UNIT_START} for the top of the unit
 * @param offset    counted characters before the page's first character in the container, or
 *                  {@link TextPlaces#CONTAINER_END} when the page begins after the container's text
 * @param label     the page's printed number, as in the PDF's page labels ("37")
 * @param page      the page's index in the PDF, from 0
 */
public record PageBreak(String unit, int container, int offset, String label, int page) { }
