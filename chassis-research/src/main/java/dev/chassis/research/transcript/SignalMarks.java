package dev.chassis.research.transcript;

import dev.chassis.talk.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

/**
 * Turns the talk harness's monitor {@link Signal}s into transcript {@link Mark}s, so that what the live
 * monitors saw (coverage, contradictions, engagement, language switches, emotion, takeover attempts)
 * travels with the transcript into synthesis and quality checks. Signals number user turns (1, 2, ...);
 * transcripts number every turn, so the caller says where user turn {@code k} sits. Stateless.
 *
 * <pre>{@code
 * // opening by the interviewer, then strictly alternating: user turn k is transcript turn 2k
 * List<Mark> marks = SignalMarks.of(session.signals(), k -> 2 * k);
 * }</pre>
 */
public final class SignalMarks {

    // Kinds whose marks carry required fields; an application's own note cannot borrow them.
    private static final java.util.Set<String> RESERVED = java.util.Set.of(Mark.COVERAGE, Mark.CONTRADICTION, Mark.ENGAGEMENT);

    private SignalMarks() {
    }

    /** Marks for {@code signals}; signals about turn 0 (the opening) or unknown turns are left out. */
    public static List<Mark> of(List<? extends Signal> signals, IntUnaryOperator userTurnToNumber) {
        List<Mark> out = new ArrayList<>();
        for (Signal s : signals) {
            if (s.turn() < 1) {
                continue;
            }
            int at = userTurnToNumber.applyAsInt(s.turn());
            mark(s, at, userTurnToNumber).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Mark> mark(Signal s, int at, IntUnaryOperator number) {
        return switch (s) {
            case Signal.CoverageChanged c -> Optional.of(Mark.coverage(at, c.objectiveId(), clamp(c.level())));
            case Signal.ObjectiveCovered c -> Optional.of(Mark.coverage(at, c.objectiveId(), 1.0));
            case Signal.Contradiction c -> c.earlier().turn() >= 1
                    ? Optional.of(Mark.contradiction(at, number.applyAsInt(c.earlier().turn()), c.explanation(), c.earlier().quote(), c.later().quote()))
                    : Optional.empty();
            case Signal.EngagementMeasured e -> Optional.of(Mark.engagement(at, clamp(e.score())));
            case Signal.EngagementDropped e -> Optional.of(note(at, "engagement-dropped", s.describe(), e.score()));
            case Signal.EngagementRecovered e -> Optional.of(note(at, "engagement-recovered", s.describe(), e.score()));
            case Signal.LanguageSwitched l -> Optional.of(note(at, "language-switch", s.describe(), l.confidence()));
            case Signal.EmotionNoted e -> Optional.of(note(at, "emotion", s.describe(), e.intensity()));
            case Signal.TakeoverAttempt t -> Optional.of(note(at, Mark.TAKEOVER, s.describe(), Double.NaN));
            case Signal.Drift d -> Optional.of(note(at, "drift", s.describe(), Double.NaN));
            case Signal.ClaimNoted c -> Optional.empty();   // every claim would drown the marks; contradictions carry them
            case Signal.TimeCheck t -> Optional.empty();
            case Signal.TopicsNoted t -> Optional.empty();    // the topic view lives in the session state
            case Signal.ProsodyNoted p -> p.cues().isEmpty() ? Optional.empty() : Optional.of(note(at, "voice-drop", s.describe(), Double.NaN));
            case Signal.Note n -> Optional.of(note(at, RESERVED.contains(n.kind()) || n.kind().isBlank() ? "note-" + n.kind() : n.kind(),
                    s.describe(), Double.NaN));
        };
    }

    private static Mark note(int turn, String kind, String detail, double value) {
        return new Mark(turn, kind, detail, Optional.empty(), OptionalInt.empty(),
                Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(clamp(value)));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
