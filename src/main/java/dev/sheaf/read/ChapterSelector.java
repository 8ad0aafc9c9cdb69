package dev.sheaf.read;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.Chapter;
import dev.sheaf.model.Piece;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds chapters from book.yaml's {@code chapters:} entries: selection by folder, tag, date and id. */
final class ChapterSelector {

    /** Default piece order: first-publication date, then file id. */
    static final Comparator<Piece> BY_DATE = Comparator
            .comparing((Piece p) -> p.meta().date())
            .thenComparing(Piece::id);

    private final List<BookReader.Folder> folders;
    private final Map<String, Piece> byId;
    private final Diagnostics diags;

    ChapterSelector(List<BookReader.Folder> folders, Diagnostics diags) {
        this.folders = folders;
        this.byId = BookReader.byId(folders);
        this.diags = diags;
    }

    List<Chapter> select(List<ChapterSpec> specs) {
        List<Chapter> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (ChapterSpec spec : specs) {
            BookReader.Folder folder = spec.folder() == null ? null : folder(spec);
            String title = spec.title() != null ? spec.title()
                    : folder != null ? folder.title() : "Chapter " + (out.size() + 1);
            LinkedHashSet<Piece> chosen = new LinkedHashSet<>();
            if (spec.hasFilter()) {
                for (Piece p : byId.values()) {
                    if (matches(spec, p)) {
                        chosen.add(p);
                    }
                }
            }
            for (String id : spec.pieces()) {
                Piece p = byId.get(id);
                if (p == null) {
                    report(title, spec, "piece \"" + id + "\"");
                } else {
                    chosen.add(p);
                }
            }
            for (String id : spec.exclude()) {
                Piece p = byId.get(id);
                if (p == null) {
                    report(title, spec, "piece \"" + id + "\"");
                } else {
                    chosen.remove(p);
                }
            }
            List<Piece> pieces = new ArrayList<>(chosen);
            sort(pieces, spec);
            if (pieces.isEmpty()) {
                diags.report(MessageId.CH_003, spec.where(), title);
            }
            pieces.forEach(p -> placed.add(p.id()));
            String slug = folder != null ? folder.name() : title;
            List<dev.sheaf.model.Block> intro = spec.intro() != null
                    ? List.of(new dev.sheaf.model.Block.Paragraph(List.of(new dev.sheaf.model.Inline.Text(spec.intro()))))
                    : folder != null && folder.intro() != null ? folder.intro().intro() : List.of();
            out.add(new Chapter(slug, title, intro, List.copyOf(pieces), spec.where()));
        }
        for (Piece p : byId.values()) {
            if (!placed.contains(p.id())) {
                diags.report(MessageId.CH_004, p.source());
            }
        }
        return out;
    }

    private BookReader.Folder folder(ChapterSpec spec) {
        for (BookReader.Folder f : folders) {
            if (f.name().equals(spec.folder())) {
                return f;
            }
        }
        report(spec.title() == null ? spec.folder() : spec.title(), spec, "folder \"" + spec.folder() + "\"");
        return null;
    }

    private void report(String title, ChapterSpec spec, String what) {
        diags.report(MessageId.CH_002, spec.where(), title, what);
    }

    private static boolean matches(ChapterSpec spec, Piece p) {
        if (spec.folder() != null && !p.id().startsWith(spec.folder() + "/")) {
            return false;
        }
        if (!spec.tags().isEmpty()) {
            Set<String> want = lower(spec.tags());
            if (p.meta().tags().stream().noneMatch(t -> want.contains(t.toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        var start = p.meta().date().start();
        if (spec.from() != null && start.isBefore(spec.from())) {
            return false;
        }
        return spec.to() == null || !start.isAfter(spec.to());
    }

    private static void sort(List<Piece> pieces, ChapterSpec spec) {
        switch (spec.sort()) {
            case "title" -> pieces.sort(Comparator.comparing((Piece p) -> p.title().toLowerCase(Locale.ROOT)));
            case "file" -> pieces.sort(Comparator.comparing(Piece::id));
            case "listed" -> pieces.sort(Comparator.comparingInt(p -> {
                int i = spec.pieces().indexOf(p.id());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            default -> pieces.sort(BY_DATE);
        }
    }

    private static Set<String> lower(List<String> in) {
        Set<String> s = new HashSet<>();
        in.forEach(x -> s.add(x.toLowerCase(Locale.ROOT)));
        return s;
    }
}
