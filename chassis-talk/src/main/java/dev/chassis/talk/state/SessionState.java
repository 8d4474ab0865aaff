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
 * @param declines         every {@link Directive.Respect} issued, in order: the topics the person declined, kept as they come so
 *                         that steering reads them without a scan of the whole log at every decision
 * @param depth            how deeply the person's answers explored each objective, kept answer by answer so that steering reads it
 *                         without walking the log
 * @param takeUps          the angles asked, the answers per objective and the quote-probes, which the end of an interview reads at
 *                         every turn near it (kept as events come, so that it does not walk the log)
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
        AppendOnlyList<Directive.Respect> declines,
        AnswerDepth depth,
        TakeUps takeUps,
        Optional<Directive> lastDirective,
        AppendOnlyList<TurnsSummary> summaries,
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

    /** A builder holding this state's fields, to change some of them: {@code s.toBuilder().turn(3).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Copies of a state with some fields changed; the one place that lists every field, so adding one touches
     * this file only. Not thread-safe (a builder lives inside one reduction).
     */
    public static final class Builder {
        private String sessionId;
        private StagedContext staged;
        private Instant startedAt;
        private int turn;
        private String language;
        private String currentObjective;
        private boolean closed;
        private AppendOnlyList<SessionEvent> log;
        private AppendOnlyList<Line> transcript;
        private Map<String, Coverage> coverage;
        private AppendOnlyList<Claim> claims;
        private AppendOnlyList<Signal.EmotionNoted> emotions;
        private AppendOnlyList<Signal.EngagementMeasured> engagement;
        private Map<String, Integer> topics;
        private List<Signal> pending;
        private AskedQuestions asked;
        private AppendOnlyList<Directive.Respect> declines;
        private AnswerDepth depth;
        private TakeUps takeUps;
        private Optional<Directive> lastDirective;
        private AppendOnlyList<TurnsSummary> summaries;
        private int compactedThrough;
        private int interruptions;
        private int deadlineMisses;

        Builder() {
        }

        private Builder(SessionState s) {
            sessionId = s.sessionId;
            staged = s.staged;
            startedAt = s.startedAt;
            turn = s.turn;
            language = s.language;
            currentObjective = s.currentObjective;
            closed = s.closed;
            log = s.log;
            transcript = s.transcript;
            coverage = s.coverage;
            claims = s.claims;
            emotions = s.emotions;
            engagement = s.engagement;
            topics = s.topics;
            pending = s.pending;
            asked = s.asked;
            declines = s.declines;
            depth = s.depth;
            takeUps = s.takeUps;
            lastDirective = s.lastDirective;
            summaries = s.summaries;
            compactedThrough = s.compactedThrough;
            interruptions = s.interruptions;
            deadlineMisses = s.deadlineMisses;
        }

        public Builder sessionId(String value) {
            sessionId = value;
            return this;
        }

        public Builder staged(StagedContext value) {
            staged = value;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder turn(int value) {
            turn = value;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder currentObjective(String value) {
            currentObjective = value;
            return this;
        }

        public Builder closed(boolean value) {
            closed = value;
            return this;
        }

        public Builder log(AppendOnlyList<SessionEvent> value) {
            log = value;
            return this;
        }

        public Builder transcript(AppendOnlyList<Line> value) {
            transcript = value;
            return this;
        }

        public Builder coverage(Map<String, Coverage> value) {
            coverage = value;
            return this;
        }

        public Builder claims(AppendOnlyList<Claim> value) {
            claims = value;
            return this;
        }

        public Builder emotions(AppendOnlyList<Signal.EmotionNoted> value) {
            emotions = value;
            return this;
        }

        public Builder engagement(AppendOnlyList<Signal.EngagementMeasured> value) {
            engagement = value;
            return this;
        }

        public Builder topics(Map<String, Integer> value) {
            topics = value;
            return this;
        }

        public Builder pending(List<Signal> value) {
            pending = value;
            return this;
        }

        public Builder asked(AskedQuestions value) {
            asked = value;
            return this;
        }

        public Builder declines(AppendOnlyList<Directive.Respect> value) {
            declines = value;
            return this;
        }

        public Builder takeUps(TakeUps value) {
            takeUps = value;
            return this;
        }

        public Builder depth(AnswerDepth value) {
            depth = value;
            return this;
        }

        public Builder lastDirective(Optional<Directive> value) {
            lastDirective = value;
            return this;
        }

        public Builder summaries(AppendOnlyList<TurnsSummary> value) {
            summaries = value;
            return this;
        }

        public Builder compactedThrough(int value) {
            compactedThrough = value;
            return this;
        }

        public Builder interruptions(int value) {
            interruptions = value;
            return this;
        }

        public Builder deadlineMisses(int value) {
            deadlineMisses = value;
            return this;
        }

        public SessionState build() {
            return new SessionState(sessionId, staged, startedAt, turn, language, currentObjective, closed, log, transcript, coverage,
                    claims, emotions, engagement, topics, pending, asked, declines, depth, takeUps, lastDirective, summaries, compactedThrough, interruptions,
                    deadlineMisses);
        }
    }
}
