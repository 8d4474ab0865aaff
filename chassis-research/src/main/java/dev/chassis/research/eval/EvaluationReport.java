package dev.chassis.research.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The scores of an evaluation: every session, and per configuration the totals that compare the
 * full harness with each ablation. Prints as a table; writes as JSON.
 */
public record EvaluationReport(String model, LatencyProfile latency, Duration deadline, List<String> configurations,
                               List<SessionScore> sessions) {

    public EvaluationReport {
        configurations = List.copyOf(configurations);
        sessions = List.copyOf(sessions);
    }

    /** Totals of one configuration over all its sessions. */
    public record Total(String configuration, int sessions, double composite, double coverage, Optional<Double> followUpRate,
                        Optional<Double> recoveryRate, double badQuestionRate, Duration firstWordsP50, Duration firstWordsP99,
                        int late, int bridged, int turns) { }

    public List<SessionScore> sessions(String configuration) {
        return sessions.stream().filter(s -> s.configuration().equals(configuration)).toList();
    }

    public Total total(String configuration) {
        List<SessionScore> of = sessions(configuration);
        List<Duration> words = new ArrayList<>();
        of.forEach(s -> words.addAll(s.firstWords()));
        words.sort(null);
        int questions = of.stream().mapToInt(SessionScore::questions).sum();
        int bad = of.stream().mapToInt(SessionScore::badQuestions).sum();
        return new Total(configuration, of.size(),
                of.stream().mapToDouble(SessionScore::composite).average().orElse(0),
                of.stream().mapToDouble(SessionScore::coverage).average().orElse(0),
                rate(of.stream().map(SessionScore::contradictionFollowedUp).flatMap(Optional::stream).toList()),
                rate(of.stream().map(SessionScore::disengagementRecovered).flatMap(Optional::stream).toList()),
                questions == 0 ? 0 : bad / (double) questions,
                percentile(words, 0.50), percentile(words, 0.99),
                of.stream().mapToInt(SessionScore::late).sum(), of.stream().mapToInt(SessionScore::bridged).sum(),
                words.size());
    }

    public List<Total> totals() {
        return configurations.stream().map(this::total).toList();
    }

    /** The totals as a table, one configuration per row, then what the engine and latency were. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %8s %9s %8s %9s %9s %8s %8s %9s %8s%n", "configuration", "sessions", "composite",
                "coverage", "follow-up", "recovered", "bad-q", "ttfw-p50", "ttfw-p99", "late"));
        for (Total t : totals()) {
            out.append(String.format(Locale.ROOT, "%-14s %8d %9.3f %8.2f %9s %9s %8.2f %6dms %7dms %4d/%-4d%n", t.configuration(), t.sessions(),
                    t.composite(), t.coverage(), percent(t.followUpRate()), percent(t.recoveryRate()), t.badQuestionRate(),
                    t.firstWordsP50().toMillis(), t.firstWordsP99().toMillis(), t.late(), t.turns()));
        }
        out.append(String.format(Locale.ROOT, "model %s, %s, deadline %d ms; ttfw = time to the first words the participant heard%n",
                model, latency, deadline.toMillis()));
        return out.toString();
    }

    /** Every session, one per row, grouped by configuration. */
    public String sessionTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %-18s %-24s %5s %9s %8s %9s %9s %5s %5s%n", "configuration", "guide", "persona", "turns",
                "composite", "coverage", "follow-up", "recovered", "bad-q", "late"));
        for (SessionScore s : sessions) {
            out.append(String.format(Locale.ROOT, "%-14s %-18s %-24s %5d %9.3f %8.2f %9s %9s %5d %5d%n", s.configuration(), s.guide(), s.persona(),
                    s.turns(), s.composite(), s.coverage(), s.contradictionFollowedUp().map(b -> b ? "yes" : "no").orElse("-"),
                    s.disengagementRecovered().map(b -> b ? "yes" : "no").orElse("-"), s.badQuestions(), s.late()));
        }
        return out.toString();
    }

    /** Writes everything, totals and sessions, as JSON. */
    public void writeJson(Path file) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", model);
        root.put("latency", latency.toString());
        root.put("deadlineMs", deadline.toMillis());
        ArrayNode totals = root.putArray("totals");
        for (Total t : totals()) {
            ObjectNode n = totals.addObject();
            n.put("configuration", t.configuration());
            n.put("sessions", t.sessions());
            n.put("composite", t.composite());
            n.put("coverage", t.coverage());
            t.followUpRate().ifPresent(r -> n.put("contradictionFollowUpRate", r));
            t.recoveryRate().ifPresent(r -> n.put("disengagementRecoveryRate", r));
            n.put("leadingOrDoubleBarrelledRate", t.badQuestionRate());
            n.put("timeToFirstWordsP50Ms", t.firstWordsP50().toMillis());
            n.put("timeToFirstWordsP99Ms", t.firstWordsP99().toMillis());
            n.put("lateTurns", t.late());
            n.put("bridgedTurns", t.bridged());
            n.put("turns", t.turns());
        }
        ArrayNode list = root.putArray("sessions");
        for (SessionScore s : sessions) {
            ObjectNode n = list.addObject();
            n.put("configuration", s.configuration());
            n.put("guide", s.guide());
            n.put("persona", s.persona());
            n.put("turns", s.turns());
            n.put("composite", s.composite());
            n.put("coverage", s.coverage());
            s.contradictionFollowedUp().ifPresent(f -> n.put("contradictionFollowedUp", f));
            s.disengagementRecovered().ifPresent(r -> n.put("disengagementRecovered", r));
            n.put("questions", s.questions());
            n.put("leadingOrDoubleBarrelled", s.badQuestions());
            ArrayNode words = n.putArray("timeToFirstWordsMs");
            s.firstWords().forEach(d -> words.add(d.toMillis()));
            n.put("lateTurns", s.late());
            n.put("bridgedTurns", s.bridged());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Double> rate(List<Boolean> outcomes) {
        return outcomes.isEmpty() ? Optional.empty() : Optional.of(outcomes.stream().filter(b -> b).count() / (double) outcomes.size());
    }

    private static String percent(Optional<Double> rate) {
        return rate.map(r -> Math.round(r * 100) + "%").orElse("-");
    }

    private static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
