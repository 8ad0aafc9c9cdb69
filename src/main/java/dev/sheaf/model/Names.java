package dev.sheaf.model;

import java.util.List;

/** Small helpers for people's names. */
public final class Names {

    private Names() { }

    /** "A", "A and B", "A, B and C". */
    public static String join(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
