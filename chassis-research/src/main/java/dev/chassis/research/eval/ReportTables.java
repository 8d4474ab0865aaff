package dev.chassis.research.eval;

import dev.chassis.research.eval.score.SessionScore;
import dev.chassis.testkit.participant.reading.CheckerAccuracy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evaluation report as text tables. */
final class ReportTables {

    private ReportTables() {
    }

    static String totals(EvaluationReport r) {
        StringBuilder out = new StringBuilder();
        out.append(EvaluationReport.locale("%-14s %8s %15s %6s %8s %9s %7s %8s %7s %5s %9s %7s %7s %6s %9s %5s%n", "configuration", "sessions",
                "composite ±sd", "facts", "put-back", "alarms/10", "emotion", "language", "switch", "mixed", "questions", "repeats",
                "reasked", "depth", "cut-short", "time"));
        for (EvaluationReport.Total t : r.totals()) {
            out.append(EvaluationReport.locale("%-14s %8d %9.3f ±%.3f %6s %8s %9.1f %7s %8s %7s %5d %9.2f %7d %7d %6.2f %9s %5.2f%n",
                    t.configuration(), t.sessions(), t.composite().mean(), t.composite().sd(), EvaluationReport.percent(t.factsElicited()),
                    t.putBack().map(p -> Math.round(p * t.contradictionsStated()) + "/" + t.contradictionsStated()).orElse("-"),
                    t.alarmsPer10(), EvaluationReport.percent(t.emotionAcknowledged()), EvaluationReport.percent(Optional.of(t.language())),
                    EvaluationReport.percent(t.afterSwitch()), t.mixedTurns(), t.questionQuality(), t.repeated(), t.reasked(), t.depth(),
                    t.cutShort() + "/" + t.sessions(), t.timeUsed()));
        }
        out.append('\n').append(EvaluationReport.locale("%-14s %9s %9s %9s %9s   %s%n", "configuration", "recovered", "ttfw-p50", "ttfw-p99",
                "late", "composite by seed"));
        for (EvaluationReport.Total t : r.totals()) {
            StringBuilder bySeed = new StringBuilder();
            t.composite().bySeed().forEach(v -> bySeed.append(EvaluationReport.locale(" %.3f", v)));
            out.append(EvaluationReport.locale("%-14s %9s %7dms %7dms %4d/%-4d %s%n", t.configuration(), EvaluationReport.percent(t.recovery()),
                    t.firstWordsP50().toMillis(), t.firstWordsP99().toMillis(), t.late(), t.turns(), bySeed));
        }
        out.append(losses(r));
        out.append(moments(r));
        List<String> behind = r.fullNotAhead();
        if (r.configurations().size() > 1) {
            out.append(behind.isEmpty() ? "The full harness is ahead of every ablation at every seed.\n"
                    : "The full harness is NOT ahead at seed:configuration " + String.join(", ", behind) + "\n");
        }
        out.append(EvaluationReport.locale("model %s, %s, deadline %d ms, seeds %s%n", r.model(), r.latency(), r.deadline().toMillis(), r.seeds()));
        out.append(legend());
        out.append(LanguageTable.of(r, r.configurations().getFirst()));
        out.append(checker());
        return out.toString();
    }

    /** Where the planted contradictions that were not put back were lost, per configuration (the harness's own record). */
    private static String losses(EvaluationReport r) {
        StringBuilder out = new StringBuilder("\nplanted contradictions, how far each got (from the harness's own signals and directives):\n");
        out.append(EvaluationReport.locale("%-14s", "configuration"));
        for (ContradictionTrace.Loss l : r.contradictionLosses(r.configurations().getFirst()).keySet()) {
            out.append(EvaluationReport.locale(" %13s", l.label()));
        }
        out.append('\n');
        for (String c : r.configurations()) {
            out.append(EvaluationReport.locale("%-14s", c));
            r.contradictionLosses(c).values().forEach(n -> out.append(EvaluationReport.locale(" %13d", n)));
            out.append('\n');
        }
        return out.toString();
    }

    /** Where the disclosed hard moments were lost (the harness's own record) and how far the hidden facts got, per configuration. */
    private static String moments(EvaluationReport r) {
        StringBuilder out = new StringBuilder("\nhard moments disclosed, how far each got (from the harness's own signals and directives):\n");
        out.append(EvaluationReport.locale("%-14s", "configuration"));
        for (EmotionTrace.Loss l : EmotionTrace.Loss.values()) {
            out.append(EvaluationReport.locale(" %13s", l.label()));
        }
        out.append('\n');
        for (String c : r.configurations()) {
            out.append(EvaluationReport.locale("%-14s", c));
            r.emotionLosses(c).values().forEach(n -> out.append(EvaluationReport.locale(" %13d", n)));
            out.append('\n');
        }
        out.append("\nhidden facts, how far each got (from what the persona said):\n").append(EvaluationReport.locale("%-14s", "configuration"));
        for (FactTrace.Loss l : FactTrace.Loss.values()) {
            out.append(EvaluationReport.locale(" %13s", l.label()));
        }
        out.append('\n');
        for (String c : r.configurations()) {
            out.append(EvaluationReport.locale("%-14s", c));
            r.factLosses(c).values().forEach(n -> out.append(EvaluationReport.locale(" %13d", n)));
            out.append('\n');
        }
        return out.toString();
    }

    private static String legend() {
        return """
                facts: hidden facts revealed; put-back: planted contradictions put back within 3 turns; alarms/10: false alarms per
                10 interviews; emotion: hard moments acknowledged before any question; language: interviewer turns wholly in the
                participant's language; switch: the same after a switch; mixed: turns in two languages; questions: share neither
                leading, double-barrelled nor closed; depth: objectives explored deeply enough; cut-short: closed with >30% time
                unused while a priority objective was shallow; time: share of the guide's time used; ttfw: time to first words.
                planted contradictions: not-said (the second statement never came), monitor-failed (the contradiction monitor ran
                out of time on it), not-detected (read, no contradiction raised about it), detected-late (raised after the three turns), not-steered (raised in time, steering chose other turns),
                ended (the interview ended first), not-worded (steering clarified, the words did not show both), put-back.
                hard moments: not-detected (no moment read in the answer), read-mild (read as mild or positive), not-steered (read as
                hard, the reply neither acknowledged nor carried it), not-worded (acted on, not heard as empathy first), acknowledged.
                hidden facts: never-touched (no answer came near it), touched (an answer said its words; no follow-up dug it up), revealed.
                """;
    }

    /** One line on the question checker's accuracy on its held-out examples. */
    private static String checker() {
        List<CheckerAccuracy.Row> rows = CheckerAccuracy.measure().stream().filter(x -> x.set().equals("held-out")).toList();
        int tp = rows.stream().mapToInt(CheckerAccuracy.Row::truePositives).sum();
        int fp = rows.stream().mapToInt(CheckerAccuracy.Row::falsePositives).sum();
        int fn = rows.stream().mapToInt(CheckerAccuracy.Row::falseNegatives).sum();
        long languages = rows.stream().map(CheckerAccuracy.Row::language).distinct().count();
        return EvaluationReport.locale("question checker on its held-out examples (%d languages): precision %.2f, recall %.2f "
                + "(chassis eval --checker for every language and label)%n", languages, tp / (double) Math.max(1, tp + fp),
                tp / (double) Math.max(1, tp + fn));
    }

    static String sessions(EvaluationReport r) {
        StringBuilder out = new StringBuilder();
        out.append(EvaluationReport.locale("%-14s %4s %-24s %5s %9s %5s %8s %6s %7s %8s %5s %6s %5s %s%n", "configuration", "seed", "persona",
                "turns", "composite", "facts", "put-back", "alarms", "emotion", "language", "bad-q", "depth", "time", "weakest parts"));
        for (String c : r.configurations()) {
            for (SessionScore s : r.sessions(c)) {
                out.append(EvaluationReport.locale("%-14s %4d %-24s %5d %9.3f %5s %8s %6d %7s %7.0f%% %5d %6.2f %5.2f %s%n", c, s.seed(),
                        s.persona(), s.turns(), s.composite(), EvaluationReport.percent(s.factsElicited()),
                        s.contradiction().stated() ? (s.contradiction().putBack() ? "yes" : "no") : "-", s.contradiction().alarms().size(),
                        s.conversation().disclosures() == 0 ? "-" : s.conversation().acknowledged() + "/" + s.conversation().disclosures(),
                        s.language().share() * 100, s.questions().bad().size(), s.depth().share(), s.depth().used(), weakest(s.parts())));
            }
        }
        return out.toString();
    }

    private static String weakest(Map<String, Double> parts) {
        StringBuilder out = new StringBuilder();
        parts.entrySet().stream().filter(e -> e.getValue() < 0.999).sorted(Map.Entry.comparingByValue()).limit(3)
                .forEach(e -> out.append(e.getKey()).append('=').append(EvaluationReport.locale("%.2f", e.getValue())).append(' '));
        return out.toString().strip();
    }

    /** The question checker's precision and recall per language, example set and label. */
    static String checkerTable() {
        return CheckerAccuracy.table(CheckerAccuracy.measure());
    }
}
