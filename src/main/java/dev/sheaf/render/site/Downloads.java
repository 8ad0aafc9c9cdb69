package dev.sheaf.render.site;

import dev.sheaf.model.Handout;
import dev.sheaf.render.Labels;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The editions the site offers for download: exactly the files the other renderers wrote earlier in
 * the same build (never a file from an earlier build), grouped as the landing page lists them.
 */
final class Downloads {

    /** Where the site keeps its copies, so {@code site/} can be published on its own. */
    static final String DIR = "downloads/";

    /**
     * One file to download.
     *
     * @param source the file's path in the output folder ({@code kitchen-sink.epub}, {@code handouts/x.pdf})
     * @param group  {@code books}, {@code handouts} or {@code citations}
     * @param name   what it is ("EPUB", a handout's title)
     * @param note   what it is for; may be empty
     * @param type   its media type
     */
    record Item(String source, String group, String name, String note, String type, long bytes) {

        /** The copy's path inside the site. */
        String href() {
            return DIR + source;
        }

        String fileName() {
            return source.substring(source.lastIndexOf('/') + 1);
        }

        /** Files a browser would show rather than save (EPUB, BibTeX…) carry the download attribute. */
        boolean save() {
            return !type.equals("application/pdf");
        }
    }

    private Downloads() { }

    /** The downloads among {@code written} (path → size), in the order the landing page shows them. */
    static List<Item> of(Map<String, Long> written, String baseName, List<Handout> handouts, Labels labels) {
        List<Item> books = new ArrayList<>();
        List<Item> handoutItems = new ArrayList<>();
        List<Item> citations = new ArrayList<>();
        for (Map.Entry<String, Long> e : written.entrySet()) {
            String path = e.getKey();
            long size = e.getValue();
            if (path.equals(baseName + ".epub")) {
                books.add(0, new Item(path, "books", "EPUB", labels.get("site.download.epub"), "application/epub+zip", size));
            } else if (path.equals(baseName + ".pdf")) {
                books.add(new Item(path, "books", "PDF", labels.get("site.download.pdf"), "application/pdf", size));
            } else if (path.startsWith("handouts/") && path.endsWith(".pdf") && path.indexOf('/', 9) < 0) {
                String stem = path.substring(9, path.length() - 4);
                String title = handouts.stream().filter(h -> h.name().equals(stem)).map(Handout::title)
                        .filter(t -> t != null && !t.isBlank()).findFirst().orElse(stem);
                String event = handouts.stream().filter(h -> h.name().equals(stem)).map(Downloads::event)
                        .findFirst().orElse("");
                handoutItems.add(new Item(path, "handouts", title, event, "application/pdf", size));
            } else if (path.equals(baseName + ".bib")) {
                citations.add(new Item(path, "citations", "BibTeX", labels.get("site.download.bib"),
                        "application/x-bibtex", size));
            } else if (path.equals(baseName + ".json")) {
                citations.add(new Item(path, "citations", "CSL-JSON", labels.get("site.download.json"),
                        "application/vnd.citationstyles.csl+json", size));
            } else if (path.equals(baseName + ".ris")) {
                citations.add(new Item(path, "citations", "RIS", labels.get("site.download.ris"),
                        "application/x-research-info-systems", size));
            }
        }
        handoutItems.sort((a, b) -> a.source().compareTo(b.source()));
        citations.sort((a, b) -> order(a.name()) - order(b.name()));
        List<Item> all = new ArrayList<>(books);
        all.addAll(handoutItems);
        all.addAll(citations);
        return List.copyOf(all);
    }

    private static int order(String name) {
        return switch (name) {
            case "BibTeX" -> 0;
            case "RIS" -> 1;
            default -> 2;
        };
    }

    /** "Panel on Central Asia, 10 February 2022, London" from whatever the handout names. */
    private static String event(Handout h) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {h.event(), h.eventDate(), h.place()}) {
            if (s != null && !s.isBlank()) {
                parts.add(s.strip());
            }
        }
        return String.join(", ", parts);
    }

    /** "820 KB", "1.4 MB" (binary units, the book's decimal separator). */
    static String size(long bytes, Locale locale, Labels labels) {
        long kb = Math.max(1, (bytes + 1023) / 1024);
        if (kb < 1000) {
            return labels.get("site.size.kb", Long.toString(kb));
        }
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMinimumFractionDigits(1);
        nf.setMaximumFractionDigits(1);
        return labels.get("site.size.mb", nf.format(bytes / (1024.0 * 1024.0)));
    }
}
