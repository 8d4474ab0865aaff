package dev.chassis.talk.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.monitor.LanguageMonitor;
import dev.chassis.talk.text.Detection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Detection on a labelled corpus written for it (language/detection-corpus.tsv), not on the detector's own word
 * lists: full answers among all 28 languages, close neighbours among each other, code-switched answers (mostly one
 * language with words of another) and short answers, which must never be taken for a switch. A row is right when
 * the monitor's verdict ({@link LanguageMonitor#spoken}, from a session in another of the study's languages) is
 * the row's language, or nothing for a short answer. Prints accuracy per language and kind.
 */
class DetectionCorpusTest {

    record Row(String expected, List<String> candidates, String kind, String text) {
        /** The session's language before the answer: another of the study's (English, or German for English, when none). */
        String current() {
            return candidates.stream().filter(c -> !c.equals(expected)).findFirst().orElse(expected.equals("en") ? "de" : "en");
        }

        String verdict() {
            Detection.detect(text, candidates, true); // models loaded before the monitor reads, as after warm-up
            return LanguageMonitor.spoken(text, current(), candidates);
        }

        /** A short answer is right when it switches nothing; any other when the monitor hears its language. */
        boolean right() {
            String v = verdict();
            return kind.equals("short") ? v == null || v.equals(current()) : expected.equals(v);
        }
    }

    static List<Row> corpus() {
        try (InputStream in = DetectionCorpusTest.class.getResourceAsStream("/language/detection-corpus.tsv")) {
            List<Row> rows = new ArrayList<>();
            for (String line : new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                List<String> candidates = f[1].equals("all") ? Languages.CODES : Arrays.asList(f[1].split(","));
                rows.add(new Row(f[0], candidates, f[2], f[3]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_corpus_covers_every_language_and_each_kind() {
        List<Row> rows = corpus();
        assertThat(rows.stream().map(Row::expected).distinct()).containsAll(Languages.CODES);
        assertThat(rows.stream().map(Row::kind).distinct()).containsExactlyInAnyOrder("full", "neighbour", "mixed", "short");
    }

    @Test
    void every_language_is_recognised_on_its_labelled_answers_and_no_short_answer_is_a_switch() {
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Row r : corpus()) {
            boolean right = r.right();
            byLanguage.computeIfAbsent(r.expected(), k -> new int[2])[right ? 0 : 1]++;
            byKind.computeIfAbsent(r.kind(), k -> new int[2])[right ? 0 : 1]++;
            if (!right) {
                wrong.add(r.expected() + " among " + r.candidates().size() + " (" + r.kind() + "): got " + r.verdict() + ": " + r.text());
            }
        }
        StringBuilder table = new StringBuilder();
        byLanguage.forEach((k, v) -> table.append(String.format(Locale.ROOT, "%-8s %d/%d%n", k, v[0], v[0] + v[1])));
        byKind.forEach((k, v) -> table.append(String.format(Locale.ROOT, "kind %-10s %d/%d%n", k, v[0], v[0] + v[1])));
        wrong.forEach(w -> table.append("WRONG ").append(w).append('\n'));
        System.out.print(table);
        int right = byLanguage.values().stream().mapToInt(v -> v[0]).sum();
        int all = byLanguage.values().stream().mapToInt(v -> v[0] + v[1]).sum();
        assertThat(right / (double) all).as("overall accuracy").isGreaterThanOrEqualTo(0.95);
        byLanguage.forEach((k, v) -> assertThat(v[0] / (double) (v[0] + v[1])).as("%s accuracy", k).isGreaterThanOrEqualTo(0.75));
        assertThat(byKind.get("short")[0] / (double) (byKind.get("short")[0] + byKind.get("short")[1])).as("short answers not a switch")
                .isGreaterThanOrEqualTo(0.9);
    }
}
