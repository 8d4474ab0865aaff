package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Session 13's pairs ({@code contradictions/session13-pairs.txt}), written before that session changed the monitor the way a
 * persona writer plants a contradiction. Each pair is read twice: as two sentences (as the earlier files are), and as a
 * live interview with the synthetic participant says them, each half appended to an answer on another objective, with
 * an answer between. Recall per language and kind, false alarms, and for each miss what each half was read as.
 */
class ContradictionSession13Test {

    /**
     * Contradictions raised of the file's 54, read as two sentences and as an interview: 29 and 29 when written (main 4c7ccb0;
     * one Hindi pair in Devanagari digits threw), 38 and 38 since numbers in Han numerals and Devanagari, years named by their
     * distance from this one, things counted by both and a sentence's language when detection is unsure are read; 37 since Han
     * numerals are read in Japanese only (the Chinese count "三个员工" / "十五个员工" is missed again: see frames.yaml, zh).
     */
    private static final int FOUND_PAIRS = 37;
    private static final int FOUND_LIVE = 37;
    /**
     * Consistent pairs raised of the file's 25, either way: 4 when written, 4 now, all two habits of one topic far apart whose
     * activities differ ("jeden Morgen in die Auswertung" / "die Rechnungen einmal im Monat"; three only when both are said
     * under one objective).
     */
    private static final int ALARMS = 4;

    /** What the participant answers before the appended half: a plain sentence of the language that states little. */
    private static final Map<String, List<String>> ANSWERS = Map.ofEntries(
            Map.entry("en", List.of("It depends on the week, to be honest.", "That part works fine for us.")),
            Map.entry("de", List.of("Das hängt von der Woche ab, ehrlich gesagt.", "Der Teil funktioniert gut für uns.")),
            Map.entry("fr", List.of("Ça dépend de la semaine, honnêtement.", "Cette partie marche bien pour nous.")),
            Map.entry("es", List.of("Depende de la semana, la verdad.", "Esa parte nos funciona bien.")),
            Map.entry("pt", List.of("Depende da semana, para ser sincero.", "Essa parte funciona bem para nós.")),
            Map.entry("it", List.of("Dipende dalla settimana, a dire il vero.", "Quella parte funziona bene per noi.")),
            Map.entry("nl", List.of("Het hangt van de week af, eerlijk gezegd.", "Dat deel werkt goed voor ons.")),
            Map.entry("hi", List.of("सच कहूँ तो यह हफ़्ते पर निर्भर करता है।", "वह हिस्सा हमारे लिए ठीक चलता है।")),
            Map.entry("ja", List.of("正直に言うと、週によって違います。", "その部分はうまくいっています。")),
            Map.entry("zh", List.of("说实话，这要看每周的情况。", "这部分对我们来说挺好用的。")),
            Map.entry("ko", List.of("솔직히 말하면 주마다 달라요.", "그 부분은 잘 되고 있어요.")));

    @Test
    void recall_per_language_and_kind_read_as_pairs_and_as_an_interview() throws IOException {
        int[] counts = measure("/contradictions/session13-pairs.txt", 54);
        assertThat(counts[0]).as("found as pairs").isGreaterThanOrEqualTo(FOUND_PAIRS);
        assertThat(counts[1]).as("found as an interview").isGreaterThanOrEqualTo(FOUND_LIVE);
        assertThat(counts[2]).as("false alarms").isLessThanOrEqualTo(ALARMS);
    }

    /**
     * The second batch ({@code contradictions/session13-second.txt}: 29 contradictions, 10 consistent pairs in the frozen set's
     * languages), written after the first change and before the second: 13 found either way and 3 alarms when written, 18 since
     * the product's name meets across verbs, counts of times stand after their period (Hindi), and more number words are read.
     */
    @Test
    void second_batch_written_between_the_changes() throws IOException {
        int[] counts = measure("/contradictions/session13-second.txt", 29);
        assertThat(counts[0]).as("found as pairs").isGreaterThanOrEqualTo(SECOND_FOUND);
        assertThat(counts[1]).as("found as an interview").isGreaterThanOrEqualTo(SECOND_FOUND);
        assertThat(counts[2]).as("false alarms").isLessThanOrEqualTo(SECOND_ALARMS);
    }

    private static final int SECOND_FOUND = 18;
    /** Two habits of one thing far apart with other verbs (the app daily / availability monthly), two spans of other events. */
    private static final int SECOND_ALARMS = 3;

    /** Found as pairs, found as an interview, and consistent pairs raised either way; printed per language and kind. */
    private static int[] measure(String file, int contradictions) throws IOException {
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> alarms = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int foundPairs = 0;
        int foundLive = 0;
        int planted = 0;
        try (InputStream in = ContradictionSession13Test.class.getResourceAsStream(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|", 5);
                List<String> answers = ANSWERS.get(p[0]);
                List<Exchange> interview = List.of(new Exchange("first", "", answers.get(0) + " " + p[3]),
                        new Exchange("second", "", answers.get(1)), new Exchange("third", "", answers.get(0) + " " + p[4]));
                // Read as a running server reads them, its language models loaded.
                interview.forEach(x -> LanguageMonitor.detect(x.answer()));
                LanguageMonitor.detect(p[3]);
                LanguageMonitor.detect(p[4]);
                // A reading that throws fails the test (a Devanagari digit once did, and the monitor lost the whole answer).
                boolean pair = !ContradictionMonitor.over(List.of(p[3], p[4]), p[0]).isEmpty();
                boolean live = !ContradictionMonitor.overExchanges(interview, p[0]).isEmpty();
                if (p[1].equals("Y")) {
                    planted++;
                    foundPairs += pair ? 1 : 0;
                    foundLive += live ? 1 : 0;
                    count(byLanguage, p[0], pair, live);
                    count(byKind, p[2], pair, live);
                    if (!pair || !live) {
                        missed.add((pair ? "live only " : live ? "pair only " : "both ") + line + "\n    " + read(p[3], p[0]) + "\n    " + read(p[4], p[0]));
                    }
                } else if (pair || live) {
                    alarms.add((pair ? "pair " : "") + (live ? "live " : "") + line + "\n    " + read(p[3], p[0]) + "\n    " + read(p[4], p[0]));
                }
            }
        }
        StringBuilder report = new StringBuilder(file + ": found " + foundPairs + "/" + planted + " as pairs, " + foundLive + "/" + planted
                + " as an interview; alarms " + alarms.size() + "\n by language (pair/live/all):");
        byLanguage.forEach((k, v) -> report.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1]).append('/').append(v[2]));
        report.append("\n by kind:");
        byKind.forEach((k, v) -> report.append(' ').append(k).append(' ').append(v[0]).append('/').append(v[1]).append('/').append(v[2]));
        System.out.println(report);
        alarms.forEach(a -> System.out.println("alarm " + a));
        missed.forEach(m -> System.out.println("missed " + m));
        assertThat(planted).isEqualTo(contradictions);
        return new int[] {foundPairs, foundLive, alarms.size()};
    }

    private static void count(Map<String, int[]> by, String key, boolean pair, boolean live) {
        int[] k = by.computeIfAbsent(key, x -> new int[3]);
        k[0] += pair ? 1 : 0;
        k[1] += live ? 1 : 0;
        k[2]++;
    }

    /** What a half was read as: each claim's values, and the reading of its sentence. */
    private static String read(String sentence, String language) {
        List<Claim> claims = ClaimExtractor.extract(1, sentence, language, "");
        if (claims.isEmpty()) {
            return "NO CLAIM";
        }
        StringBuilder sb = new StringBuilder();
        for (Claim c : claims) {
            ClaimReading r = ClaimReading.of(c);
            sb.append("subject=").append(c.subject()).append(c.negated() ? " NEG" : "")
                    .append(c.quantity().map(q -> " n=" + q).orElse("")).append(c.unit().map(u -> " unit=" + u).orElse(""))
                    .append(c.frequency().map(f -> " freq=" + f).orElse("")).append(c.perDay().map(d -> " perDay=" + d).orElse(""))
                    .append(c.year().map(y -> " year=" + y).orElse("")).append(" [lang=").append(r.detected()).append('/').append(r.language())
                    .append(r.firstPerson() ? " own" : "").append(r.aboutOthers() ? " others" : "").append(r.plain() ? "" : " long")
                    .append(r.toldAsBefore() ? " before" : "").append(r.role().map(x -> " role").orElse("")).append("] ");
        }
        return sb.toString();
    }
}
