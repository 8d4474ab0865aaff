package dev.chassis.research.eval.score;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scores an {@link Exchange}: every measure of {@link SessionScore}, from outside the harness. Stateless. */
public final class Scoring {

    /** Below this engagement a participant has disengaged (they answer in one sentence). */
    static final double DISENGAGED = 0.55;
    /** At or above this, after disengaging, they have come back. */
    static final double RECOVERED = 0.6;

    private Scoring() {
    }

    public static SessionScore score(Exchange x, String configuration, long seed) {
        ContradictionScore contradiction = ContradictionScore.of(x);
        List<Duration> firstWords = new ArrayList<>();
        int late = 0;
        int bridged = 0;
        for (Exchange.Said s : x.interviewer()) {
            firstWords.add(s.firstWords());
            late += s.firstWords().compareTo(x.deadline()) > 0 ? 1 : 0;
            bridged += s.bridged() ? 1 : 0;
        }
        return new SessionScore(x.guide().study(), x.persona().id(), configuration, seed, x.interviewer().size(), ConversationScore.of(x),
                contradiction, LanguageScore.of(x), QuestionScore.of(x, contradiction), DepthScore.of(x), recovered(x.engagement()),
                firstWords, late, bridged, AddressScore.of(x));
    }

    private static Optional<Boolean> recovered(List<Double> engagement) {
        for (int i = 0; i < engagement.size(); i++) {
            if (engagement.get(i) < DISENGAGED) {
                return Optional.of(engagement.subList(i + 1, engagement.size()).stream().anyMatch(e -> e >= RECOVERED));
            }
        }
        return Optional.empty();
    }
}
