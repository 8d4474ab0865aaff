package dev.chassis.research.eval;

import dev.chassis.research.eval.score.ConversationScore;
import dev.chassis.research.eval.score.Exchange;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.text.Feelings;
import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.AnswerNote.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where each hard moment a persona disclosed was lost on its way to being acknowledged, read from the harness's own signals
 * and directives. A diagnosis beside the scores, never part of them (whether it was acknowledged is the score's own
 * outside reading): it tells a moment the emotion monitor never read from one steering did not act on, without anyone
 * reading a frozen transcript.
 *
 * @param losses one per disclosure the interviewer answered, in the order they were told
 */
public record EmotionTrace(List<Loss> losses) {

    public EmotionTrace {
        losses = List.copyOf(losses);
    }

    /** How far one disclosure got. */
    public enum Loss {
        /** No emotional moment was read in that answer. */
        NOT_DETECTED,
        /** Read, but as a mild or a positive moment: nothing to meet before the next question. */
        READ_MILD,
        /** Read as a hard moment, and the reply to that answer neither acknowledged it nor carried it. */
        NOT_STEERED,
        /** Steering acted on it, and the words were not heard as empathy before any question. */
        NOT_WORDED,
        ACKNOWLEDGED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static EmotionTrace of(Exchange x, List<Signal> signals, List<TurnRecord> turns) {
        List<Loss> out = new ArrayList<>();
        for (AnswerNote a : x.answers()) {
            int k = a.number();
            if (!a.is(Kind.EMOTIONAL) || k >= x.interviewer().size()) {
                continue;
            }
            if (ConversationScore.acknowledges(x, k)) {
                out.add(Loss.ACKNOWLEDGED);
                continue;
            }
            List<Signal.EmotionNoted> read = signals.stream().filter(s -> s instanceof Signal.EmotionNoted e && e.turn() == k)
                    .map(Signal.EmotionNoted.class::cast).toList();
            boolean hard = read.stream().anyMatch(e -> e.valence() < 0 && e.intensity() >= Feelings.STRONG);
            boolean steered = turns.stream().filter(t -> t.turn() == k).anyMatch(t -> t.directive() instanceof Directive.Acknowledge
                    || t.directive().hardMoment().isPresent());
            out.add(read.isEmpty() ? Loss.NOT_DETECTED : !hard ? Loss.READ_MILD : steered ? Loss.NOT_WORDED : Loss.NOT_STEERED);
        }
        return new EmotionTrace(out);
    }
}
