package dev.chassis.research.ops.quality;

import dev.chassis.research.synthesis.EngagementSeries;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every session of a study for quality concerns:
 * <ul>
 *   <li><b>low engagement</b>: mean engagement under {@code minEngagement}, or the last third of the answers
 *       under {@code dropRatio} of the first third;</li>
 *   <li><b>low effort</b>: more than {@code maxShortShare} of the answers are {@code shortAnswerWords} words
 *       or fewer, or more than {@code maxRepeatShare} of them repeat an earlier answer word for word (not counting
 *       answers that say they repeat, "like I said, ...": those tell that the interviewer asked again);</li>
 *   <li><b>likely fraud</b>: a long answer identical to one in another session, or long answers arriving
 *       faster than {@code maxTypingSpeed} characters a second after the question (pasted or generated).</li>
 * </ul>
 * Deterministic; stateless apart from its rules. Thread-safe.
 */
public final class QualityCheck {

    private final QualityRules rules;

    public QualityCheck(QualityRules rules) {
        this.rules = rules;
    }

    /** Flags for all sessions, in session order; engagement from synthesis (one series per session). */
    public List<QualityFlag> assess(List<Transcript> sessions, List<EngagementSeries> engagement) {
        Map<String, EngagementSeries> bySession = new HashMap<>();
        engagement.forEach(e -> bySession.put(e.session(), e));
        Map<String, String> firstSeen = new HashMap<>();   // normalised long answer -> "session#turn"
        List<QualityFlag> out = new ArrayList<>();
        for (Transcript t : sessions) {
            Optional.ofNullable(bySession.get(t.id())).flatMap(this::engagement).ifPresent(r -> out.add(new QualityFlag(t.id(), QualityFlag.Kind.LOW_ENGAGEMENT, r)));
            effort(t).ifPresent(r -> out.add(new QualityFlag(t.id(), QualityFlag.Kind.LOW_EFFORT, r)));
            fraud(t, firstSeen).ifPresent(r -> out.add(new QualityFlag(t.id(), QualityFlag.Kind.LIKELY_FRAUD, r)));
        }
        return out;
    }

    private Optional<List<String>> engagement(EngagementSeries e) {
        List<String> reasons = new ArrayList<>();
        if (e.points().isEmpty()) {
            return Optional.of(List.of("the participant gave no answers"));
        }
        if (e.mean() < rules.minEngagement()) {
            reasons.add(String.format(Locale.ROOT, "mean engagement %.2f is under %.2f.", e.mean(), rules.minEngagement()));
        }
        int third = e.points().size() / 3;
        if (third >= 2) {
            double first = e.points().subList(0, third).stream().mapToDouble(EngagementSeries.Point::value).average().orElse(0);
            double last = e.points().subList(e.points().size() - third, e.points().size()).stream().mapToDouble(EngagementSeries.Point::value).average().orElse(0);
            if (first >= rules.minEngagement() && last < rules.dropRatio() * first) {
                reasons.add(String.format(Locale.ROOT, "engagement fell from %.2f in the first third of the answers to %.2f in the last.", first, last));
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
    }

    private Optional<List<String>> effort(Transcript t) {
        List<Turn> answers = t.participantTurns();
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        long shortOnes = answers.stream().filter(a -> words(a.text()) <= rules.shortAnswerWords()).count();
        if (shortOnes > rules.maxShortShare() * answers.size()) {
            reasons.add(shortOnes + " of " + answers.size() + " answers have " + rules.shortAnswerWords() + " words or fewer.");
        }
        Map<String, List<Integer>> repeats = new HashMap<>();
        // "Like I said, ..." is a person told the same thing again: the interviewer asked again, the person did not stop trying
        answers.stream().filter(a -> !SaidBefore.opens(a.text()))
                .forEach(a -> repeats.computeIfAbsent(normal(a.text()), k -> new ArrayList<>()).add(a.number()));
        repeats.keySet().remove("");
        int repeated = repeats.values().stream().mapToInt(turns -> turns.size() - 1).sum();
        if (repeated >= 2 && repeated > rules.maxRepeatShare() * answers.size()) {
            repeats.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> reasons.add("the same answer '" + e.getKey() + "' was given " + e.getValue().size() + " times (turns "
                            + e.getValue().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ")."));
            reasons.add(repeated + " of " + answers.size() + " answers repeat an earlier one word for word.");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
    }

    private Optional<List<String>> fraud(Transcript t, Map<String, String> firstSeen) {
        List<String> reasons = new ArrayList<>();
        for (Turn a : t.participantTurns()) {
            if (words(a.text()) >= rules.copiedAnswerWords()) {
                String key = normal(a.text());
                String before = firstSeen.putIfAbsent(key, t.id() + "#" + a.number());
                if (before != null && !before.startsWith(t.id() + "#")) {
                    reasons.add("the answer at turn " + a.number() + " is word for word the answer at " + before + ".");
                }
            }
        }
        List<String> fast = new ArrayList<>();
        for (Turn a : t.participantTurns()) {
            Optional<Turn> question = t.turn(a.number() - 1);
            if (a.at().isPresent() && question.flatMap(Turn::at).isPresent() && a.text().length() >= 150) {
                Duration took = a.at().get().minus(question.get().at().get());
                double seconds = Math.max(0.001, took.toMillis() / 1000.0);
                if (a.text().length() / seconds > rules.maxTypingSpeed()) {
                    fast.add(String.format(Locale.ROOT, "turn %d (%d characters %.1f s after the question)", a.number(), a.text().length(), seconds));
                }
            }
        }
        if (fast.size() >= 2) {
            reasons.add(fast.size() + " long answers arrived faster than anyone types: " + String.join(", ", fast) + ".");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
    }

    private static int words(String s) {
        String x = s.strip();
        return x.isEmpty() ? 0 : x.split("\\s+").length;
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
    }
}
