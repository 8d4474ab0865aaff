package dev.chassis.testkit.participant.reading;

import dev.chassis.core.input.StructuredReader;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The question checker's precision and recall on its labelled examples, per language and label: the
 * examples it was written with ({@code questions/<code>.yaml}) and held-out ones never used to tune
 * it ({@code questions/held-out/<code>.yaml}). Computed when asked, from the shipped files.
 */
public final class CheckerAccuracy {

    /** The labels the checker gives. */
    public static final List<String> LABELS = List.of("leading", "double", "closed");

    /** One labelled question. */
    public record Example(String q, List<String> labels) {
        public Example {
            labels = labels == null ? List.of() : List.copyOf(labels);
            for (String l : labels) {
                if (!LABELS.contains(l)) {
                    throw new IllegalArgumentException("unknown label '" + l + "'; use " + LABELS);
                }
            }
        }
    }

    /**
     * Counts for one language, example set and label.
     *
     * @param set {@code development} or {@code held-out}
     */
    public record Row(String language, String set, int examples, String label, int truePositives, int falsePositives, int falseNegatives) {
        /** Of the questions given the label, the share that have it; 1 when none were given it. */
        public double precision() {
            int given = truePositives + falsePositives;
            return given == 0 ? 1 : truePositives / (double) given;
        }

        /** Of the questions that have the label, the share given it; 1 when none have it. */
        public double recall() {
            int have = truePositives + falseNegatives;
            return have == 0 ? 1 : truePositives / (double) have;
        }
    }

    private CheckerAccuracy() {
    }

    /** Every language with examples, both sets, every label. */
    public static List<Row> measure() {
        List<Row> rows = new ArrayList<>();
        for (LanguageData l : Languages.all()) {
            for (String set : List.of("development", "held-out")) {
                Optional<List<Example>> examples = examples(l.code(), set);
                examples.ifPresent(e -> rows.addAll(rows(l.code(), set, e)));
            }
        }
        return rows;
    }

    /** The labelled examples of a language in one set, if it has them. */
    public static Optional<List<Example>> examples(String language, String set) {
        String name = set.equals("held-out") ? "questions/held-out/" + language + ".yaml" : "questions/" + language + ".yaml";
        return Languages.resource(name).map(text -> StructuredReader.yaml().mapper().convertValue(
                StructuredReader.yaml().read(text, "reading/" + name, List.class), new TypeReference<List<Example>>() { }));
    }

    /** The label the checker gives a question. */
    public static Set<String> labels(QuestionChecker.Verdict v) {
        Set<String> out = new java.util.TreeSet<>();
        if (v.leading()) {
            out.add("leading");
        }
        if (v.doubleBarrelled()) {
            out.add("double");
        }
        if (v.closed()) {
            out.add("closed");
        }
        return out;
    }

    private static List<Row> rows(String language, String set, List<Example> examples) {
        List<Row> out = new ArrayList<>();
        for (String label : LABELS) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (Example e : examples) {
                boolean given = labels(QuestionChecker.check(e.q(), language)).contains(label);
                boolean has = e.labels().contains(label);
                tp += given && has ? 1 : 0;
                fp += given && !has ? 1 : 0;
                fn += !given && has ? 1 : 0;
            }
            out.add(new Row(language, set, examples.size(), label, tp, fp, fn));
        }
        return out;
    }

    /** The rows as a table: one line per language and set, precision/recall per label. */
    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-8s %-11s %8s", "language", "set", "examples"));
        LABELS.forEach(l -> out.append(String.format(Locale.ROOT, " %15s", l + " P/R")));
        out.append('\n');
        for (int i = 0; i < rows.size(); i += LABELS.size()) {
            Row first = rows.get(i);
            out.append(String.format(Locale.ROOT, "%-8s %-11s %8d", first.language(), first.set(), first.examples()));
            for (int j = 0; j < LABELS.size(); j++) {
                Row r = rows.get(i + j);
                out.append(String.format(Locale.ROOT, " %15s", String.format(Locale.ROOT, "%.2f/%.2f", r.precision(), r.recall())));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
