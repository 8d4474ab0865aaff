package dev.chassis.research.eval.score;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one interview went, judged from outside the harness (see {@link Scoring}).
 *
 * @param configuration  {@code full}, or {@code no-<feature>} for an ablation
 * @param seed           the seed the participant and the late turns were drawn with
 * @param turns          interviewer turns
 * @param recovered      for a participant who disengaged: whether they came back; empty when they never did
 * @param firstWords     per interviewer turn, how long the participant waited for its first words
 * @param late           turns whose first words came after the deadline
 * @param bridged        turns where the model missed the deadline and a bridge filled in
 * @param address        the form of address used, against the one the participant's culture expects
 */
public record SessionScore(String guide, String persona, String configuration, long seed, int turns, ConversationScore conversation,
                           ContradictionScore contradiction, LanguageScore language, QuestionScore questions, DepthScore depth,
                           Optional<Boolean> recovered, List<Duration> firstWords, int late, int bridged, AddressScore address) {

    public SessionScore {
        firstWords = List.copyOf(firstWords);
    }

    /** Share of the persona's hidden facts revealed; empty when it has none. */
    public Optional<Double> factsElicited() {
        ConversationScore c = conversation;
        return c.factsHidden() == 0 ? Optional.empty() : Optional.of(c.facts() / (double) c.factsHidden());
    }

    /** Share of turns whose first words came within the deadline. */
    public double onTime() {
        return firstWords.isEmpty() ? 1 : 1 - late / (double) firstWords.size();
    }

    /**
     * The measures that apply to this interview, each 0..1, higher is better: what the composite
     * averages. A measure with nothing to judge (no contradiction stated, no hard moment) is left out.
     */
    public Map<String, Double> parts() {
        Map<String, Double> p = new LinkedHashMap<>();
        factsElicited().ifPresent(f -> p.put("facts", f));
        if (contradiction.stated() || !contradiction.alarms().isEmpty()) {
            double v = (contradiction.putBack() ? 1 : 0) - 0.5 * contradiction.alarms().size();
            p.put("contradiction", Math.max(0, Math.min(1, v + (contradiction.stated() ? 0 : 1))));
        }
        ConversationScore c = conversation;
        if (c.disclosures() > 0) {
            p.put("emotion", c.acknowledged() / (double) c.disclosures());
        }
        p.put("language", language.share());
        p.put("questions", questions.quality());
        p.put("fresh", questions.fresh());
        p.put("varied", questions.varied());
        if (c.refused() > 0) {
            p.put("refusals", c.reasked() == 0 ? 1.0 : 0.0);
        }
        if (c.fitChances() > 0) {
            p.put("fit", 1 - c.unfitting() / (double) c.fitChances());
        }
        if (c.quotes() > 0) {
            p.put("quotes", 1 - c.quotesCut() / (double) c.quotes());
        }
        p.put("depth", depth.share());
        p.put("time", depth.cutShort() ? Math.min(1, depth.used() / (1 - DepthScore.UNUSED)) : 1.0);
        recovered.ifPresent(r -> p.put("recovered", r ? 1.0 : 0.0));
        p.put("onTime", onTime());
        return p;
    }

    /** The mean of {@link #parts()}. */
    public double composite() {
        List<Double> values = new ArrayList<>(parts().values());
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
