package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Files of planted pairs ({@code language|Y or N|kind|earlier|later}) read the way a persona writer's contradiction reaches
 * the monitor: as two sentences, and as interviews in which the synthetic participant appends each half to whatever answer
 * comes at its turn ({@code testkit SyntheticParticipant.plant}). Each way is a {@link Layout}: the exchanges an interview
 * puts the two halves in. Counts per way, language and kind, consistent pairs raised, and for each miss what each half was
 * read as.
 */
final class PlantedPairs {

    private PlantedPairs() { }

    /** What the participant answers around the planted halves: plain sentences of the language that state little. */
    static final Map<String, List<String>> ANSWERS = Map.ofEntries(
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
            Map.entry("ko", List.of("솔직히 말하면 주마다 달라요.", "그 부분은 잘 되고 있어요.")),
            Map.entry("pl", List.of("Szczerze mówiąc, to zależy od tygodnia.", "Ta część działa u nas dobrze.")),
            Map.entry("ru", List.of("Честно говоря, это зависит от недели.", "Эта часть у нас работает хорошо.")),
            Map.entry("uk", List.of("Чесно кажучи, це залежить від тижня.", "Ця частина в нас працює добре.")));

    /**
     * The exchanges of an interview holding a pair: given the pair's number in its file and the pair, with the language's
     * {@link #ANSWERS} to put around the halves.
     */
    @FunctionalInterface
    interface Layout extends BiFunction<Integer, Pair, List<Exchange>> { }

    record Pair(String language, boolean contradiction, String kind, String earlier, String later, String line) {

        List<String> answers() {
            return ANSWERS.get(language);
        }
    }

    /** The two sentences alone, one topic throughout ({@link ContradictionMonitor#over}). */
    static final String PAIRS = "pairs";

    /**
     * Per way (the pairs first, then each layout by its name): contradictions found; consistent pairs raised by any way last.
     * Printed per language and kind.
     */
    static Map<String, Integer> measure(String file, int contradictions, Map<String, Layout> layouts) throws IOException {
        List<String> ways = new ArrayList<>(List.of(PAIRS));
        ways.addAll(layouts.keySet());
        Map<String, int[]> byLanguage = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> alarms = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int[] found = new int[ways.size()];
        int planted = 0;
        int index = 0;
        for (Pair p : read(file)) {
            boolean[] raised = new boolean[ways.size()];
            // Read as a running server reads them, its language models loaded.
            LanguageMonitor.detect(p.earlier());
            LanguageMonitor.detect(p.later());
            // A reading that throws fails the test (a Devanagari digit once did, and the monitor lost the whole answer).
            raised[0] = !ContradictionMonitor.over(List.of(p.earlier(), p.later()), p.language()).isEmpty();
            int w = 1;
            for (Layout layout : layouts.values()) {
                List<Exchange> interview = layout.apply(index, p);
                interview.forEach(x -> LanguageMonitor.detect(x.answer()));
                raised[w++] = !ContradictionMonitor.overExchanges(interview, p.language()).isEmpty();
            }
            index++;
            StringBuilder how = new StringBuilder();
            boolean any = false;
            boolean all = true;
            for (int i = 0; i < raised.length; i++) {
                how.append(ways.get(i)).append(raised[i] ? "+ " : "- ");
                any |= raised[i];
                all &= raised[i];
            }
            String detail = how + p.line() + "\n    " + read(p.earlier(), p.language()) + "\n    " + read(p.later(), p.language());
            if (p.contradiction()) {
                planted++;
                for (int i = 0; i < raised.length; i++) {
                    found[i] += raised[i] ? 1 : 0;
                }
                count(byLanguage, p.language(), raised);
                count(byKind, p.kind(), raised);
                if (!all) {
                    missed.add(detail);
                }
            } else if (any) {
                alarms.add(detail);
            }
        }
        StringBuilder report = new StringBuilder(file + ":");
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ways.size(); i++) {
            report.append(' ').append(ways.get(i)).append(' ').append(found[i]).append('/').append(planted);
            out.put(ways.get(i), found[i]);
        }
        report.append("; alarms ").append(alarms.size()).append("\n by language (").append(String.join("/", ways)).append("/all):");
        byLanguage.forEach((k, v) -> report.append(' ').append(k).append(' ').append(joined(v)));
        report.append("\n by kind:");
        byKind.forEach((k, v) -> report.append(' ').append(k).append(' ').append(joined(v)));
        System.out.println(report);
        alarms.forEach(a -> System.out.println("alarm " + a));
        missed.forEach(m -> System.out.println("missed " + m));
        if (planted != contradictions) {
            throw new AssertionError(file + ": " + planted + " contradictions, expected " + contradictions);
        }
        out.put("alarms", alarms.size());
        return out;
    }

    /** Fails unless each way found at least its figure ({@code atLeast}, by way) and no more consistent pairs were raised than {@code alarms}. */
    static void hold(Map<String, Integer> counts, Map<String, Integer> atLeast, int alarms) {
        atLeast.forEach((way, least) -> org.assertj.core.api.Assertions.assertThat(counts.get(way)).as("found " + way).isGreaterThanOrEqualTo(least));
        org.assertj.core.api.Assertions.assertThat(counts.get("alarms")).as("false alarms").isLessThanOrEqualTo(alarms);
    }

    static List<Pair> read(String file) throws IOException {
        List<Pair> out = new ArrayList<>();
        try (InputStream in = PlantedPairs.class.getResourceAsStream(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\\|", 5);
                out.add(new Pair(p[0], p[1].equals("Y"), p[2], p[3], p[4], line));
            }
        }
        return out;
    }

    private static void count(Map<String, int[]> by, String key, boolean[] raised) {
        int[] k = by.computeIfAbsent(key, x -> new int[raised.length + 1]);
        for (int i = 0; i < raised.length; i++) {
            k[i] += raised[i] ? 1 : 0;
        }
        k[raised.length]++;
    }

    private static String joined(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : "/").append(v[i]);
        }
        return sb.toString();
    }

    /** What a half was read as: each claim's values, and the reading of its sentence. */
    static String read(String sentence, String language) {
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
