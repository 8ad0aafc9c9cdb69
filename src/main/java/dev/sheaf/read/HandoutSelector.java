package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.BookMeta;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Handout;
import dev.sheaf.model.Piece;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Chooses each handout's pieces, in book order: a chapter, explicit ids, and tag/date filters. */
final class HandoutSelector {

    private final List<Chapter> chapters;
    private final Diagnostics diags;

    HandoutSelector(List<Chapter> chapters, Diagnostics diags) {
        this.chapters = chapters;
        this.diags = diags;
    }

    List<Handout> select(List<HandoutSpec> specs, BookMeta book) {
        List<Handout> out = new ArrayList<>();
        // Distinct by id and slug, which is what equality means for pieces of one book, without hashing whole pieces
        // (about 6 % of the companion's check went to Piece.hashCode here, in JFR samples).
        Map<String, Piece> byKey = new LinkedHashMap<>();
        chapters.forEach(c -> c.pieces().forEach(p -> byKey.putIfAbsent(p.id() + "\n" + p.slug(), p)));
        List<Piece> all = List.copyOf(byKey.values());
        for (HandoutSpec h : specs) {
            Optional<Chapter> chapter = Optional.empty();
            if (h.chapter() != null) {
                chapter = chapters.stream().filter(c -> c.slug().equals(h.chapter())
                        || c.title().equalsIgnoreCase(h.chapter())).findFirst();
                if (chapter.isEmpty()) {
                    diags.report(MessageId.CH_002, h.where(), "handout " + h.name(), "chapter \"" + h.chapter() + "\"");
                    continue;
                }
            }
            boolean filtered = !h.tags().isEmpty() || h.from() != null || h.to() != null;
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            List<Piece> pool = chapter.map(Chapter::pieces).orElse(all);
            if (chapter.isPresent() || filtered) {
                pool.stream().filter(p -> matches(h, p)).forEach(p -> ids.add(p.id()));
            }
            for (String id : h.pieces()) {
                if (all.stream().noneMatch(p -> p.id().equals(id))) {
                    diags.report(MessageId.CH_002, h.where(), "handout " + h.name(), "piece \"" + id + "\"");
                } else {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                diags.report(MessageId.CH_003, h.where(), "handout " + h.name());
                continue;
            }
            String title = h.title() != null ? h.title() : chapter.map(Chapter::title).orElse(book.title());
            out.add(new Handout(h.name(), title, List.copyOf(ids), h.event(), h.eventDate(), h.place(), h.paper(),
                    h.booklet(), h.largeType(), h.index(), h.link(), h.where()));
        }
        return out;
    }

    private static boolean matches(HandoutSpec h, Piece p) {
        if (!h.tags().isEmpty()) {
            Set<String> want = new java.util.HashSet<>();
            h.tags().forEach(t -> want.add(t.toLowerCase(Locale.ROOT)));
            if (p.meta().tags().stream().noneMatch(t -> want.contains(t.toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        var start = p.meta().date().start();
        return (h.from() == null || !start.isBefore(h.from())) && (h.to() == null || !start.isAfter(h.to()));
    }
}
