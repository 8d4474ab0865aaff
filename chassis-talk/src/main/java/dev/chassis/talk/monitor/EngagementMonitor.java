package dev.chassis.talk.monitor;

import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Lexicon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Engagement of each answer against the person's own baseline: length (against the median of their
 * earlier answers), hedges, tone (a sentiment lexicon for the language), and how long they took to
 * start (against their usual delay). Raises a drop when the score falls below {@link #LOW} and a
 * recovery when it climbs back above {@link #RECOVERED}.
 */
public final class EngagementMonitor implements Monitor {

    public static final double LOW = 0.5;
    public static final double RECOVERED = 0.6;
    private static final double DEFAULT_BASELINE_WORDS = 15;
    private static final int BASELINE_ANSWERS = 50;

    @Override
    public String name() {
        return "engagement";
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        String language = s.language();
        double words = length(turn.text(), language);
        double baseline = baselineWords(s, turn.turn(), language);
        double lengthRatio = baseline <= 0 ? 1 : words / baseline;
        int hedges = Lexicon.hedges(turn.text(), language);
        double sentiment = Lexicon.sentiment(turn.text(), language);
        double delayScore = 1;
        Optional<Double> delayRatio = delayRatio(s, turn);
        if (delayRatio.isPresent() && delayRatio.get() > 1.5) {
            delayScore = Math.max(0, 1 - (delayRatio.get() - 1.5) / 2);
        }
        double score = 0.5 * Math.min(1, lengthRatio) + 0.2 * (1 - Math.min(1, hedges / 2.0))
                + 0.15 * ((sentiment + 1) / 2) + 0.15 * delayScore;
        score = Math.round(score * 100) / 100.0;
        List<Signal> out = new ArrayList<>();
        out.add(new Signal.EngagementMeasured(turn.turn(), name(), score, Math.round(lengthRatio * 100) / 100.0, hedges, sentiment,
                turn.replyDelay()));
        double before = s.engagementNow();
        if (score < LOW && before >= LOW) {
            List<String> reasons = new ArrayList<>();
            if (lengthRatio < 0.6) {
                reasons.add("answers shorter than usual (" + Math.round(lengthRatio * 100) + "% of their own)");
            }
            if (hedges > 0) {
                reasons.add("hedging");
            }
            if (sentiment < 0) {
                reasons.add("negative tone");
            }
            if (delayScore < 1) {
                reasons.add("slower to answer");
            }
            if (reasons.isEmpty()) {
                reasons.add("lower engagement overall");
            }
            out.add(new Signal.EngagementDropped(turn.turn(), name(), score, List.copyOf(reasons), List.of(turn.turn())));
        } else if (score >= RECOVERED && before < LOW) {
            out.add(new Signal.EngagementRecovered(turn.turn(), name(), score, List.of(turn.turn())));
        }
        return out;
    }

    static double length(String text, String language) {
        String t = text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        if (language.equals("ja")) {
            return t.codePointCount(0, t.length()) / 2.0; // no spaces: about two characters a word
        }
        return Words.count(t);
    }

    /** The median length of their last answers before {@code turn}: recent, so it follows them and costs the same at turn 1,000. */
    private static double baselineWords(SessionState s, int turn, String language) {
        List<Double> lengths = new ArrayList<>();
        List<Line> transcript = s.transcript();
        for (int i = transcript.size() - 1; i >= 0 && lengths.size() < BASELINE_ANSWERS; i--) {
            Line l = transcript.get(i);
            if (l.speaker() == Line.Speaker.USER && l.turn() < turn) {
                lengths.add(length(l.text(), language));
            }
        }
        java.util.Collections.reverse(lengths); // oldest first, as the baseline has always been read
        if (lengths.size() < 2) {
            return lengths.isEmpty() ? DEFAULT_BASELINE_WORDS : Math.max(lengths.getFirst(), 8);
        }
        lengths.sort(Double::compare);
        return lengths.get(lengths.size() / 2);
    }

    private static Optional<Double> delayRatio(SessionState s, TurnView turn) {
        if (turn.replyDelay().isEmpty()) {
            return Optional.empty();
        }
        List<Long> delays = new ArrayList<>();
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.UserSaid u && u.turn() < turn.turn()) {
                u.replyDelay().map(Duration::toMillis).ifPresent(delays::add);
            }
        }
        if (delays.size() < 2) {
            return Optional.empty();
        }
        delays.sort(Long::compare);
        long median = Math.max(1, delays.get(delays.size() / 2));
        return Optional.of(turn.replyDelay().get().toMillis() / (double) median);
    }
}
