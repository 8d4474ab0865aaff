package dev.chassis.research.eval;

import dev.chassis.research.eval.score.SessionScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The scores of an evaluation: every session, and per configuration the totals that compare the
 * full harness with each ablation, as means with their spread over the seeds. Prints as tables
 * ({@link ReportTables}); writes as JSON ({@link ReportJson}).
 */
public record EvaluationReport(String model, LatencyProfile latency, Duration deadline, List<String> configurations, List<Long> seeds,
                               List<SessionScore> sessions, List<ContradictionTrace> traces, List<EmotionTrace> moments,
                               List<FactTrace> facts) {

    /**
     * {@code traces.get(i)} says where session {@code i}'s planted contradiction was lost, {@code moments.get(i)} where its
     * hard moments were, {@code facts.get(i)} how far its hidden facts got (diagnoses, not scores).
     */
    public EvaluationReport {
        configurations = List.copyOf(configurations);
        seeds = List.copyOf(seeds);
        sessions = List.copyOf(sessions);
        traces = List.copyOf(traces);
        moments = List.copyOf(moments);
        facts = List.copyOf(facts);
        if (traces.size() != sessions.size() || moments.size() != sessions.size() || facts.size() != sessions.size()) {
            throw new IllegalArgumentException("one contradiction, emotion and fact trace per session: " + traces.size() + ", "
                    + moments.size() + " and " + facts.size() + " for " + sessions.size());
        }
    }

    /** Of one configuration's hidden facts, how many got how far ({@link FactTrace.Loss}). */
    public Map<FactTrace.Loss, Integer> factLosses(String configuration) {
        Map<FactTrace.Loss, Integer> out = new java.util.EnumMap<>(FactTrace.Loss.class);
        for (FactTrace.Loss l : FactTrace.Loss.values()) {
            out.put(l, 0);
        }
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).configuration().equals(configuration)) {
                facts.get(i).losses().forEach(l -> out.merge(l, 1, Integer::sum));
            }
        }
        return out;
    }

    /** Of one configuration's disclosed hard moments, how many got how far ({@link EmotionTrace.Loss}). */
    public Map<EmotionTrace.Loss, Integer> emotionLosses(String configuration) {
        Map<EmotionTrace.Loss, Integer> out = new java.util.EnumMap<>(EmotionTrace.Loss.class);
        for (EmotionTrace.Loss l : EmotionTrace.Loss.values()) {
            out.put(l, 0);
        }
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).configuration().equals(configuration)) {
                moments.get(i).losses().forEach(l -> out.merge(l, 1, Integer::sum));
            }
        }
        return out;
    }

    /** Of one configuration's sessions with a planted contradiction, how many got how far ({@link ContradictionTrace.Loss}). */
    public Map<ContradictionTrace.Loss, Integer> contradictionLosses(String configuration) {
        Map<ContradictionTrace.Loss, Integer> out = new java.util.EnumMap<>(ContradictionTrace.Loss.class);
        for (ContradictionTrace.Loss l : ContradictionTrace.Loss.values()) {
            if (l != ContradictionTrace.Loss.NONE) {
                out.put(l, 0);
            }
        }
        for (int i = 0; i < sessions.size(); i++) {
            ContradictionTrace.Loss l = traces.get(i).loss();
            if (sessions.get(i).configuration().equals(configuration) && l != ContradictionTrace.Loss.NONE) {
                out.merge(l, 1, Integer::sum);
            }
        }
        return out;
    }

    /** A mean over seeds (each seed's mean over its sessions) and the standard deviation between seeds. */
    public record Spread(double mean, double sd, List<Double> bySeed) {
        public Spread {
            bySeed = List.copyOf(bySeed);
        }
    }

    /**
     * Totals of one configuration over all its sessions and seeds.
     *
     * @param putBack          planted contradictions put back within three turns, of those stated
     * @param alarmsPer10      false alarms per ten interviews
     * @param afterSwitch      interviewer turns in the participant's language after they switched, of those judged
     * @param cutShort         interviews closed with over 30% of their time unused while a priority objective was shallow
     */
    public record Total(String configuration, int sessions, Spread composite, Optional<Double> factsElicited, Optional<Double> putBack,
                        int contradictionsStated, double alarmsPer10, Optional<Double> emotionAcknowledged, double language,
                        Optional<Double> afterSwitch, int mixedTurns, double questionQuality, int repeated, int reasked, double depth,
                        int cutShort, double timeUsed, Optional<Double> recovery, Duration firstWordsP50, Duration firstWordsP99, int late,
                        int turns) { }

    public List<SessionScore> sessions(String configuration) {
        return sessions.stream().filter(s -> s.configuration().equals(configuration)).toList();
    }

    /** The composite's mean and spread over seeds for one configuration. */
    public Spread composite(String configuration) {
        return spread(configuration, SessionScore::composite);
    }

    /** Each part of the composite, mean and spread over seeds, for one configuration (parts absent from every session left out). */
    public Map<String, Spread> parts(String configuration) {
        Map<String, Spread> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        sessions(configuration).forEach(s -> s.parts().keySet().stream().filter(k -> !names.contains(k)).forEach(names::add));
        for (String name : names) {
            List<Double> bySeed = new ArrayList<>();
            for (long seed : seeds) {
                sessions(configuration).stream().filter(s -> s.seed() == seed && s.parts().containsKey(name))
                        .mapToDouble(s -> s.parts().get(name)).average().ifPresent(bySeed::add);
            }
            out.put(name, of(bySeed));
        }
        return out;
    }

    /** The ablations the full harness does not beat on the composite, as {@code seed:configuration}; empty when it beats all at every seed. */
    public List<String> fullNotAhead() {
        List<String> out = new ArrayList<>();
        Spread full = composite("full");
        for (String c : configurations) {
            if (c.equals("full")) {
                continue;
            }
            Spread other = composite(c);
            for (int i = 0; i < seeds.size(); i++) {
                if (full.bySeed().get(i) <= other.bySeed().get(i)) {
                    out.add(seeds.get(i) + ":" + c);
                }
            }
        }
        return out;
    }

    public Total total(String configuration) {
        List<SessionScore> of = sessions(configuration);
        List<Duration> words = new ArrayList<>();
        of.forEach(s -> words.addAll(s.firstWords()));
        words.sort(null);
        int stated = count(of, s -> s.contradiction().stated());
        int judged = sum(of, s -> s.language().judged());
        int afterSwitch = sum(of, s -> s.language().afterSwitch());
        int asked = sum(of, s -> s.questions().asked());
        int disclosures = sum(of, s -> s.conversation().disclosures());
        int hidden = sum(of, s -> s.conversation().factsHidden());
        List<Boolean> recoveries = of.stream().map(SessionScore::recovered).flatMap(Optional::stream).toList();
        return new Total(configuration, of.size(), composite(configuration),
                ratio(sum(of, s -> s.conversation().facts()), hidden),
                ratio(count(of, s -> s.contradiction().putBack()), stated), stated,
                of.isEmpty() ? 0 : 10.0 * sum(of, s -> s.contradiction().alarms().size()) / of.size(),
                ratio(sum(of, s -> s.conversation().acknowledged()), disclosures),
                judged == 0 ? 1 : sum(of, s -> s.language().inLanguage()) / (double) judged,
                ratio(sum(of, s -> s.language().afterSwitchInLanguage()), afterSwitch), sum(of, s -> s.language().mixed()),
                of.stream().mapToDouble(s -> s.questions().quality() * s.questions().asked()).sum() / Math.max(1, asked),
                sum(of, s -> s.questions().repeated()), sum(of, s -> s.conversation().reasked()),
                of.stream().mapToDouble(s -> s.depth().share()).average().orElse(0), count(of, s -> s.depth().cutShort()),
                of.stream().mapToDouble(s -> s.depth().used()).average().orElse(0),
                recoveries.isEmpty() ? Optional.empty() : ratio((int) recoveries.stream().filter(b -> b).count(), recoveries.size()),
                percentile(words, 0.50), percentile(words, 0.99), sum(of, SessionScore::late), words.size());
    }

    public List<Total> totals() {
        return configurations.stream().map(this::total).toList();
    }

    /** The totals as tables, then whether the full harness is ahead at every seed. */
    public String table() {
        return ReportTables.totals(this);
    }

    /** Every session, one per row, grouped by configuration. */
    public String sessionTable() {
        return ReportTables.sessions(this);
    }

    /** The question checker's precision and recall on its labelled examples, per language, example set and label. */
    public static String questionCheckerTable() {
        return ReportTables.checkerTable();
    }

    /** Writes everything as JSON to {@code file}, creating its folder. */
    public void writeJson(java.nio.file.Path file) {
        ReportJson.write(this, file);
    }

    private Spread spread(String configuration, Function<SessionScore, Double> measure) {
        List<Double> bySeed = new ArrayList<>();
        for (long seed : seeds) {
            bySeed.add(sessions(configuration).stream().filter(s -> s.seed() == seed).mapToDouble(measure::apply).average().orElse(0));
        }
        return of(bySeed);
    }

    private static Spread of(List<Double> bySeed) {
        double mean = bySeed.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = bySeed.size() < 2 ? 0 : bySeed.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (bySeed.size() - 1);
        return new Spread(mean, Math.sqrt(var), bySeed);
    }

    private static int sum(List<SessionScore> of, java.util.function.ToIntFunction<SessionScore> f) {
        return of.stream().mapToInt(f).sum();
    }

    private static int count(List<SessionScore> of, Predicate<SessionScore> p) {
        return (int) of.stream().filter(p).count();
    }

    private static Optional<Double> ratio(int part, int whole) {
        return whole == 0 ? Optional.empty() : Optional.of(part / (double) whole);
    }

    static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String percent(Optional<Double> rate) {
        return rate.map(r -> Math.round(r * 100) + "%").orElse("-");
    }

    static String locale(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
