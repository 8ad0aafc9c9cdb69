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
        ImportLedger ledger = ImportLedger.scan(book);
        Map<String, String> createdChapters = new LinkedHashMap<>();
        for (Found f : kept) {
            place(req, f.piece(), chapters.get(f.piece()), ledger, createdChapters, report);
        }
        return report;
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

    private void place(ImportRequest req, ImportedPiece p, String chapterTitle, ImportLedger ledger,
                       Map<String, String> createdChapters, ImportReport report) throws IOException {
        Path book = req.bookDir();
        var existing = p.sourceId == null ? java.util.Optional.<Path>empty() : ledger.find(p.sourceId);
        Path target;
        if (existing.isPresent()) {
            target = existing.get();
        } else {
            String folder = Chapters.folder(chapterTitle);
            Path dir = book.resolve("chapters").resolve(folder);
            if (!Files.exists(dir) && !createdChapters.containsKey(folder) && req.chapterBy() != ImportRequest.ChapterBy.NONE) {
                createdChapters.put(folder, chapterTitle);
                Path chapterFile = dir.resolve("_chapter.md");
                report.otherFiles.add(book.relativize(chapterFile));
                if (!req.dryRun()) {
                    Files.createDirectories(dir);
                    Files.writeString(chapterFile, "---\ntitle: " + FrontMatterWriter.quote(chapterTitle) + "\n---\n",
                            StandardCharsets.UTF_8);
                }
            }
            String slug = Slugs.slug(p.title, "piece");
            target = dir.resolve(slug + ".md");
            for (int i = 2; ledger.isTaken(target); i++) {
                target = dir.resolve(slug + "-" + i + ".md");
            }
        }
        String slug = target.getFileName().toString().replaceFirst("\\.md$", "");
        String body = p.body;
        for (MediaFile m : p.media) {
            body = body.replace(MediaFile.reference(m.name()), slug + "-" + m.name());
        }
        String text = FrontMatterWriter.file(p, body);
        Path shown = book.relativize(target);
        ImportReport.Outcome outcome;
        if (existing.isPresent()) {
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
        ledger.take(target, p.sourceId);
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
