package dev.sheaf.cite;

import java.util.Set;

/**
 * A person's name split the way reference managers want it. "Raffaello Pantucci" becomes given
 * "Raffaello", family "Pantucci"; "Pantucci, Raffaello" is understood too; particles such as "van"
 * or "de" stay with the family name; a single word is kept as a literal name (an organisation).
 */
public record PersonName(String family, String given, String literal) {

    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "del", "della", "di",
            "da", "du", "la", "le", "ter", "ten", "al", "el", "bin", "ibn");

    public static PersonName parse(String name) {
        String n = name.trim().replaceAll("\\s+", " ");
        int comma = n.indexOf(',');
        if (comma > 0) {
            return new PersonName(n.substring(0, comma).trim(), n.substring(comma + 1).trim(), null);
        }
        String[] parts = n.split(" ");
        if (parts.length == 1) {
            return new PersonName(null, null, n);
        }
        int familyStart = parts.length - 1;
        while (familyStart > 1 && PARTICLES.contains(parts[familyStart - 1].toLowerCase(java.util.Locale.ROOT))) {
            familyStart--;
        }
        return new PersonName(String.join(" ", java.util.Arrays.copyOfRange(parts, familyStart, parts.length)),
                String.join(" ", java.util.Arrays.copyOfRange(parts, 0, familyStart)), null);
    }

    public boolean isLiteral() {
        return literal != null;
    }

    /** "Pantucci, Raffaello", or the literal name. */
    public String inverted() {
        return isLiteral() ? literal : family + (given == null || given.isEmpty() ? "" : ", " + given);
    }
}
