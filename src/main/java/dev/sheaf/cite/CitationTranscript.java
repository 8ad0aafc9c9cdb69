package dev.sheaf.cite;

import de.undercouch.citeproc.csl.CSLCitation;
import de.undercouch.citeproc.csl.CSLCitationItem;
import de.undercouch.citeproc.csl.CSLItemData;
import dev.sheaf.model.Inline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every answer a citation processor gave while one book's citations were formatted, by question, so that a later
 * build with the same inputs (style, locale, items, and the citations in every piece: {@link CitationProcessor}
 * keys the build cache on them) gets the same answers without starting citeproc-java. The citation transform asks
 * the same questions in the same order when its inputs are the same, so questions are numbered in the order the
 * main thread asks them, and carry what they ask about; "cite this" entries, which a second thread may format, are
 * asked by item id. A question the transcript does not hold ends the replay ({@link Missing}), and the build
 * formats afresh.
 *
 * @param answers formatted citations and entries, by question
 */
record CitationTranscript(Map<String, Map<String, List<Inline>>> answers) {

    /** A question the transcript has no answer for. */
    static final class Missing extends RuntimeException {
        Missing(String question) {
            super(question, null, false, false);
        }
    }

    /** How many answers the transcript holds (each a citation or a list of entries). */
    int size() {
        return answers.size();
    }

    /** Asks {@code engine} and writes down its answers. Thread-safe for {@link #entries}, as the engines are. */
    static final class Recorder implements CitationFormatter {
        private final CitationFormatter engine;
        private final Questions questions;
        private final Map<String, Map<String, List<Inline>>> answers;

        Recorder(CitationFormatter engine) {
            this(engine, new Questions(), new ConcurrentHashMap<>());
        }

        private Recorder(CitationFormatter engine, Questions questions, Map<String, Map<String, List<Inline>>> answers) {
            this.engine = engine;
            this.questions = questions;
            this.answers = answers;
        }

        /** A recorder for another engine (a second thread's), writing into the same transcript. */
        Recorder sharing(CitationFormatter other) {
            return new Recorder(other, questions, answers);
        }

        /** The answers, in the order of their questions (so that the cache entry's bytes are always the same). */
        CitationTranscript transcript() {
            return new CitationTranscript(java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(answers)));
        }

        @Override
        public void reset() {
            engine.reset();
        }

        @Override
        public List<Inline> cite(CSLCitation citation) {
            List<Inline> a = engine.cite(citation);
            answers.put(questions.cite(citation), Map.of("", a));
            return a;
        }

        @Override
        public String authors(String id) {
            return engine.authors(id);
        }

        @Override
        public String year(String id) {
            return engine.year(id);
        }

        @Override
        public Map<String, List<Inline>> bibliography(Collection<String> ids) {
            Map<String, List<Inline>> a = engine.bibliography(ids);
            answers.put(questions.bibliography(ids), ordered(a));
            return a;
        }

        @Override
        public Map<String, List<Inline>> entries(Collection<String> ids) {
            Map<String, List<Inline>> a = engine.entries(ids);
            answers.put(Questions.entries(ids), ordered(a));
            return a;
        }

        private static Map<String, List<Inline>> ordered(Map<String, List<Inline>> m) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
        }
    }

    /** Answers from the transcript; authors and years come from the items, as the processor takes them. */
    static final class Replay implements CitationFormatter {
        private final CitationTranscript transcript;
        private final Map<String, CSLItemData> items;
        private final Questions questions = new Questions();

        Replay(CitationTranscript transcript, Map<String, CSLItemData> items) {
            this.transcript = transcript;
            this.items = items;
        }

        @Override
        public void reset() {
        }

        @Override
        public List<Inline> cite(CSLCitation citation) {
            return answer(questions.cite(citation)).get("");
        }

        @Override
        public String authors(String id) {
            return CslEngine.authors(items, id);
        }

        @Override
        public String year(String id) {
            return CslEngine.year(items, id);
        }

        @Override
        public Map<String, List<Inline>> bibliography(Collection<String> ids) {
            return answer(questions.bibliography(ids));
        }

        @Override
        public Map<String, List<Inline>> entries(Collection<String> ids) {
            return answer(Questions.entries(ids));
        }

        private Map<String, List<Inline>> answer(String question) {
            Map<String, List<Inline>> a = transcript.answers().get(question);
            if (a == null || question.startsWith("cite") && !a.containsKey("")) {
                throw new Missing(question);
            }
            return a;
        }
    }

    /** The questions of one build, numbered in the order the main thread asks them. */
    private static final class Questions {
        private final AtomicInteger asked = new AtomicInteger();

        String cite(CSLCitation citation) {
            StringBuilder sb = new StringBuilder("cite ").append(asked.getAndIncrement());
            for (CSLCitationItem i : citation.getCitationItems()) {
                sb.append('\n').append(i.getId()).append('\t').append(i.getPrefix()).append('\t').append(i.getSuffix())
                        .append('\t').append(i.getLocator()).append('\t').append(i.getLabel());
            }
            return sb.toString();
        }

        String bibliography(Collection<String> ids) {
            return "bibliography " + asked.getAndIncrement() + "\n" + String.join("\n", ids);
        }

        static String entries(Collection<String> ids) {
            return "entries\n" + String.join("\n", ids);
        }
    }
}
