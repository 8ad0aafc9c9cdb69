package dev.sheaf.importer;

import dev.sheaf.diag.Diagnostics;
import dev.sheaf.diag.MessageId;
import dev.sheaf.model.SourceRef;
import dev.sheaf.read.Slugs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code sheaf import}: reads every source completely (a source that cannot be read is reported and
 * contributes nothing), keeps the pieces the filters choose, puts them into chapter folders and writes
 * them — or, for pieces imported before, decides whether they are unchanged, changed in the source
 * (rewritten when the author has not touched the file) or edited by the author (kept).
 */
public final class ImportRun {

    private final Diagnostics diags;

    public ImportRun(Diagnostics diags) {
        this.diags = diags;
    }

    /** A piece with the source it came from. */
    private record Found(ImportedPiece piece, Path source) { }

    public ImportReport run(ImportRequest req) throws IOException {
        ImportReport report = new ImportReport();
        Path book = req.bookDir();
        if (Files.exists(book) && !Files.isDirectory(book)) {
            diags.report(MessageId.IMP_008, SourceRef.of(book), book, "it is a file");
            return report;
        }
        List<Found> found = new ArrayList<>();
        BookInfo info = null;
        for (Path file : expand(req.sources())) {
            var importer = Importers.forFile(file);
            if (importer.isEmpty()) {
                diags.report(MessageId.IMP_002, SourceRef.of(file));
                report.sourcesFailed++;
                continue;
            }
            Diagnostics local = new Diagnostics();
            try {
                SourceBatch batch = importer.get().read(file, new ImportContext(file, local, req.mediaDir()));
                diags.addAll(local);
                report.sourcesRead++;
                batch.skipped.forEach(report::skip);
                batch.pieces.forEach(p -> found.add(new Found(p, file)));
                info = merge(info, batch.book);
            } catch (ImportFailure f) {
                diags.report(MessageId.IMP_001, new SourceRef(file, f.line(), f.column()),
                        importer.get().format(), f.getMessage());
                report.sourcesFailed++;
            } catch (IOException e) {
                diags.report(MessageId.IO_001, SourceRef.of(file), String.valueOf(e.getMessage()));
                report.sourcesFailed++;
            }
        }
        List<Found> kept = select(found, req, report);
        // One warning per source for the pieces it gives no date: an e-book without dates would give hundreds.
        Map<Path, List<ImportedPiece>> undated = new LinkedHashMap<>();
        for (Found f : kept) {
            if (fillGaps(f)) {
                undated.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(f.piece());
            }
        }
        undated.forEach((source, pieces) -> {
            ImportedPiece first = pieces.get(0);
            if (pieces.size() == 1) {
                diags.report(MessageId.IMP_009, SourceRef.of(source), first.title, first.date);
            } else {
                diags.report(MessageId.IMP_011, SourceRef.of(source), first.title, pieces.size() - 1, first.date);
            }
        });
        kept.sort(Comparator.comparing((Found f) -> f.piece().date).thenComparing(f -> f.piece().title));
        Map<ImportedPiece, String> chapters = Chapters.assign(kept.stream().map(Found::piece).toList(), req.chapterBy());
        if (kept.isEmpty() && report.sourcesRead == 0) {
            return report;
        }
        writeBook(req, info, kept, report);
        // Every piece's file is decided before any is written: a link may lead to any piece of the run.
        ImportLedger ledger = ImportLedger.scan(book);
        Map<Path, String> newChapters = new LinkedHashMap<>();
        List<Placed> placed = new ArrayList<>();
        for (Found f : kept) {
            placed.add(place(req, f, chapters.get(f.piece()), ledger, newChapters, report));
        }
        resolveLinks(placed);
        for (Map.Entry<Path, String> c : newChapters.entrySet()) {
            report.otherFiles.add(book.relativize(c.getKey()));
            if (!req.dryRun()) {
                Files.createDirectories(c.getKey().getParent());
                Files.writeString(c.getKey(), "---\ntitle: " + FrontMatterWriter.quote(c.getValue()) + "\n---\n",
                        StandardCharsets.UTF_8);
            }
        }
        for (Placed p : placed) {
            write(req, p, report);
        }
        return report;
    }

    /** A piece and the file it goes to ({@code existing}: the file an earlier import wrote for it). */
    private record Placed(Found found, Path target, boolean existing) { }

    /**
     * Links between documents of the import ({@link DocumentLinks}) as relative links from one piece's file
     * to another's, which the book's link resolver follows in every edition; a link whose document was not
     * imported keeps its web address, or only its text (one warning per source).
     */
    private void resolveLinks(List<Placed> placed) {
        record Spot(Path file, String id) { }
        Map<String, Spot> spots = new HashMap<>();
        for (Placed p : placed) {
            Path file = p.target().toAbsolutePath().normalize();
            p.found().piece().addresses.forEach(a -> spots.putIfAbsent(a, new Spot(file, "")));
            ImportedPiece piece = p.found().piece();
            String text = piece.body + "\n" + (piece.note == null ? "" : piece.note);
            // A heading an importer took out after all (a title repeated over the text) leaves the piece's start.
            piece.anchors.forEach((k, id) -> spots.putIfAbsent(k, new Spot(file,
                    id.isEmpty() || text.contains("{#" + id + "}") ? id : "")));
        }
        Map<Path, List<String>> unresolved = new LinkedHashMap<>();
        java.util.Set<Spot> used = new java.util.HashSet<>();
        for (Placed p : placed) {
            ImportedPiece piece = p.found().piece();
            Path from = p.target().toAbsolutePath().normalize();
            for (int i = 0; i < piece.links.size(); i++) {
                ImportedPiece.PendingLink l = piece.links.get(i);
                Spot to = spots.get(DocumentLinks.key(l.address(), l.fragment()));
                if (to == null) {
                    to = spots.get(l.address());   // the id did not survive: the piece's start is the nearest place
                }
                String href;
                if (to != null) {
                    used.add(to);
                    String path = to.file().equals(from) ? (to.id().isEmpty() ? from.getFileName().toString() : "")
                            : from.getParent().relativize(to.file()).toString().replace('\\', '/');
                    href = dev.sheaf.links.Hrefs.encode(path + (to.id().isEmpty() ? "" : "#" + to.id())).orElse(null);
                } else {
                    href = l.fallback() == null ? null : dev.sheaf.links.Hrefs.encode(l.fallback()).orElse(null);
                    if (href == null) {
                        unresolved.computeIfAbsent(p.found().source(), k -> new ArrayList<>()).add(l.address());
                    }
                }
                piece.body = DocumentLinks.replace(piece.body, i, href);
                if (piece.note != null) {
                    piece.note = DocumentLinks.replace(piece.note, i, href);
                }
            }
        }
        // Ids no link leads to are not kept: the headings keep the ids Sheaf gives them.
        for (Placed p : placed) {
            ImportedPiece piece = p.found().piece();
            Path file = p.target().toAbsolutePath().normalize();
            java.util.Set<String> unused = new java.util.HashSet<>(piece.anchors.values());
            unused.removeIf(id -> used.contains(new Spot(file, id)));
            piece.body = DocumentLinks.dropPending(DocumentLinks.dropIds(piece.body, unused));
            if (piece.note != null) {
                piece.note = DocumentLinks.dropPending(DocumentLinks.dropIds(piece.note, unused));
            }
        }
        unresolved.forEach((source, addresses) -> diags.report(MessageId.IMP_012, SourceRef.of(source),
                addresses.size(), DocumentLinks.shown(addresses.get(0))));
    }

    /** The first source's word on each field of book.yaml. */
    private static BookInfo merge(BookInfo a, BookInfo b) {
        if (a == null) {
            return b;
        }
        return new BookInfo(a.title() != null ? a.title() : b.title(), a.author() != null ? a.author() : b.author(),
                a.language() != null ? a.language() : b.language(),
                a.description() != null ? a.description() : b.description(), a.url() != null ? a.url() : b.url());
    }

    /** Files named on the command line, and importable files inside folders named there. */
    private List<Path> expand(List<Path> sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path s : sources) {
            if (Files.isDirectory(s)) {
                try (Stream<Path> walk = Files.walk(s)) {
                    walk.filter(Files::isRegularFile).filter(Importers::looksImportable)
                            .filter(p -> !insideSavedPageFolder(s, p)).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(s)) {
                files.add(s);
            } else {
                diags.report(MessageId.IO_001, SourceRef.of(s), "no such file or folder");
            }
        }
        return files;
    }

    /** "Save page as" puts a page's images and scripts in "NAME_files/"; those are not pages of their own. */
    private static boolean insideSavedPageFolder(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            String n = part.toString();
            if (n.endsWith("_files") || n.endsWith("-Dateien") || n.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private List<Found> select(List<Found> found, ImportRequest req, ImportReport report) {
        List<Found> kept = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Found f : found) {
            ImportedPiece p = f.piece();
            if (p.sourceId != null && !seen.add(p.sourceId)) {
                report.skip("given twice", 1);
                continue;
            }
            if (!req.only().isEmpty() && p.allTags().stream().map(t -> t.toLowerCase(Locale.ROOT))
                    .noneMatch(t -> req.only().stream().anyMatch(o -> o.equalsIgnoreCase(t)))) {
                report.skip("not tagged " + String.join(" or ", req.only()), 1);
                continue;
            }
            LocalDate d = earliest(p.date);
            if (d != null && (req.from() != null && latest(p.date).isBefore(req.from())
                    || req.to() != null && d.isAfter(req.to()))) {
                report.skip("outside the dates asked for", 1);
                continue;
            }
            kept.add(f);
        }
        return kept;
    }

    /** Gives a piece without title or date one; true when the date was taken from the file. */
    private boolean fillGaps(Found f) throws IOException {
        ImportedPiece p = f.piece();
        if (p.title == null || p.title.isBlank()) {
            String name = f.source().getFileName().toString().replaceFirst("\\.[^.]+$", "");
            p.title = name.replace('-', ' ').replace('_', ' ');
            diags.report(MessageId.IMP_007, SourceRef.of(f.source()), p.sourceId, p.title);
        }
        if (p.date == null) {
            LocalDate modified = LocalDate.ofInstant(Files.getLastModifiedTime(f.source()).toInstant(), ZoneOffset.UTC);
            p.date = modified.toString();
            p.dateEstimated = true;
            p.dateBasis = "The source gives no date; this is the day the file was last modified.";
            return true;
        }
        return false;
    }

    private void writeBook(ImportRequest req, BookInfo info, List<Found> kept, ImportReport report) throws IOException {
        Path yaml = req.bookDir().resolve("book.yaml");
        if (Files.exists(yaml)) {
            return;
        }
        BookInfo b = info == null ? BookInfo.none() : info;
        String title = b.title() != null ? b.title()
                : req.bookDir().toAbsolutePath().normalize().getFileName().toString().replace('-', ' ');
        String author = b.author() != null ? b.author() : commonestAuthor(kept);
        if (author == null) {
            author = "Unknown";
            diags.report(MessageId.IMP_010, SourceRef.of(yaml), "author", author);
        }
        String language = b.language();
        if (language == null) {
            language = "en";
            diags.report(MessageId.IMP_010, SourceRef.of(yaml), "language", language);
        }
        StringBuilder y = new StringBuilder();
        y.append("title: ").append(FrontMatterWriter.quote(title)).append('\n');
        y.append("author: ").append(FrontMatterWriter.quote(author)).append('\n');
        y.append("language: ").append(FrontMatterWriter.quote(language)).append('\n');
        if (b.description() != null && !b.description().isBlank()) {
            y.append("description: ").append(FrontMatterWriter.quote(b.description().strip())).append('\n');
        }
        if (b.url() != null && !b.url().isBlank()) {
            y.append("url: ").append(FrontMatterWriter.quote(b.url())).append('\n');
        }
        report.otherFiles.add(Path.of("book.yaml"));
        if (!req.dryRun()) {
            Files.createDirectories(req.bookDir());
            Files.writeString(yaml, y.toString(), StandardCharsets.UTF_8);
        }
    }

    private static String commonestAuthor(List<Found> kept) {
        Map<String, Integer> counts = new HashMap<>();
        for (Found f : kept) {
            f.piece().authors.forEach(a -> counts.merge(a, 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Decides the file of one piece: where an earlier import put it, or a new slug in its chapter's folder. */
    private Placed place(ImportRequest req, Found f, String chapterTitle, ImportLedger ledger,
                         Map<Path, String> newChapters, ImportReport report) {
        ImportedPiece p = f.piece();
        Path book = req.bookDir();
        var existing = p.sourceId == null ? java.util.Optional.<Path>empty() : ledger.find(p.sourceId);
        Path target;
        if (existing.isPresent()) {
            target = existing.get();
        } else {
            String folder = Chapters.folder(chapterTitle);
            Path dir = book.resolve("chapters").resolve(folder);
            Path chapterFile = dir.resolve("_chapter.md");
            if (!Files.exists(dir) && req.chapterBy() != ImportRequest.ChapterBy.NONE) {
                newChapters.putIfAbsent(chapterFile, chapterTitle);
            }
            String slug = Slugs.slug(p.title, "piece");
            target = dir.resolve(slug + ".md");
            for (int i = 2; ledger.isTaken(target); i++) {
                target = dir.resolve(slug + "-" + i + ".md");
            }
        }
        ledger.take(target, p.sourceId);
        return new Placed(f, target, existing.isPresent());
    }

    /** Writes one piece (and its media), unless it is unchanged or the author has edited it. */
    private void write(ImportRequest req, Placed placed, ImportReport report) throws IOException {
        ImportedPiece p = placed.found().piece();
        Path target = placed.target();
        String slug = target.getFileName().toString().replaceFirst("\\.md$", "");
        String body = p.body;
        for (MediaFile m : p.media) {
            body = body.replace(MediaFile.reference(m.name()), slug + "-" + m.name());
        }
        String text = FrontMatterWriter.file(p, body);
        Path shown = req.bookDir().relativize(target);
        ImportReport.Outcome outcome;
        if (placed.existing()) {
            String old = Files.readString(target, StandardCharsets.UTF_8);
            String recorded = FrontMatterWriter.recordedHash(old);
            String fresh = FrontMatterWriter.recordedHash(text);
            if (fresh.equals(recorded)) {
                outcome = ImportReport.Outcome.UNCHANGED;
            } else if (FrontMatterWriter.currentHash(old).equals(recorded)) {
                outcome = ImportReport.Outcome.UPDATED;
            } else {
                outcome = ImportReport.Outcome.KEPT;
                diags.report(MessageId.IMP_004, SourceRef.of(shown), p.title);
            }
        } else {
            outcome = ImportReport.Outcome.NEW;
        }
        report.entries.add(new ImportReport.Entry(outcome, shown, p.title));
        if (req.dryRun() || outcome == ImportReport.Outcome.UNCHANGED || outcome == ImportReport.Outcome.KEPT) {
            return;
        }
        Files.createDirectories(target.getParent());
        for (MediaFile m : p.media) {
            Files.write(target.resolveSibling(slug + "-" + m.name()), m.data());
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    /** The first day a YYYY, YYYY-MM or YYYY-MM-DD date can mean, or null. */
    static LocalDate earliest(String date) {
        return parse(date, false);
    }

    static LocalDate latest(String date) {
        return parse(date, true);
    }

    private static LocalDate parse(String date, boolean last) {
        if (date == null) {
            return null;
        }
        try {
            return switch (date.length()) {
                case 4 -> last ? LocalDate.of(Integer.parseInt(date), 12, 31) : LocalDate.of(Integer.parseInt(date), 1, 1);
                case 7 -> {
                    LocalDate d = LocalDate.parse(date + "-01");
                    yield last ? d.withDayOfMonth(d.lengthOfMonth()) : d;
                }
                default -> LocalDate.parse(date);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
