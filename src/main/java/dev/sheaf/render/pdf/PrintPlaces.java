package dev.sheaf.render.pdf;

import dev.sheaf.render.xhtml.TextPlaces;

import java.util.Arrays;

/** Numbers the text containers of the print document ({@code data-tp="3"}), for {@link PageStarts}. */
final class PrintPlaces extends TextPlaces {

    static final String ATTRIBUTE = "data-tp";

    @Override
    protected String[] attributes(int container, String[] attrs) {
        String[] out = Arrays.copyOf(attrs, attrs.length + 2);
        out[attrs.length] = ATTRIBUTE;
        out[attrs.length + 1] = Integer.toString(container);
        return out;
    }
}
