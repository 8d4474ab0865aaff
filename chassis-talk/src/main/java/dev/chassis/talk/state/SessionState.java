package dev.chassis.talk.state;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.directive.Directive;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of a live session: the event log and the views kept current from it.
 * Obtained in microseconds from {@link SessionLog#snapshot()}; safe to hand to any thread.
 * Two states built from the same events are {@link #equals equal}, field by field.
 *
 * @param turn             user turns so far
 * @param language         the language being spoken now
 * @param currentObjective the objective the conversation is on
 * @param coverage         per objective, in the briefing's order
 * @param pending          alert signals not yet acted on by a directive
 * @param asked            every question the agent was directed to ask, in order
 * @param topics           content terms the person used, with counts (the most frequent 200)
 * @param compactedThrough the last turn folded into a summary (0 for none)
 */
public record SessionState(
        String sessionId,
        StagedContext staged,
        Instant startedAt,
        int turn,
        String language,
        String currentObjective,
        boolean closed,
        AppendOnlyList<SessionEvent> log,
        AppendOnlyList<Line> transcript,
        Map<String, Coverage> coverage,
        AppendOnlyList<Claim> claims,
        AppendOnlyList<Signal.EmotionNoted> emotions,
        AppendOnlyList<Signal.EngagementMeasured> engagement,
        Map<String, Integer> topics,
        List<Signal> pending,
        AskedQuestions asked,
        Optional<Directive> lastDirective,
        AppendOnlyList<Summary> summaries,
        int compactedThrough,
        int interruptions,
        int deadlineMisses) {

    /** The latest engagement score, 1 before any answer. */
    public double engagementNow() {
        return engagement.isEmpty() ? 1.0 : engagement.last().score();
    }

    /** Share of objectives covered, 0..1. */
    public double coveredShare() {
        if (coverage.isEmpty()) {
            return 0;
        }
        int covered = 0;
        for (Coverage c : coverage.values()) {
            covered += c.covered() ? 1 : 0;
        }
        return covered / (double) coverage.size();
    }

    /**
     * Whether the agent has wrapped up: the latest directive is a wrap-up and its reply reached the person
     * in full. A wrapped-up conversation takes no more answers (a resumed one included).
     */
    public boolean wrappedUp() {
        if (!(lastDirective.orElse(null) instanceof Directive.WrapUp) || transcript.isEmpty()) {
            return false;
        }
        Line last = transcript.last();
        return last.speaker() == Line.Speaker.AGENT && last.turn() == turn && !last.cutOff();
    }

    /** The transcript's last user line, if any. */
    public Optional<Line> lastUserLine() {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            if (transcript.get(i).speaker() == Line.Speaker.USER) {
                return Optional.of(transcript.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every signal raised so far, in order (a scan of the log). */
    public List<Signal> signals() {
        return log.stream().filter(SessionEvent.SignalRaised.class::isInstance)
                .map(e -> ((SessionEvent.SignalRaised) e).signal()).toList();
    }
}
