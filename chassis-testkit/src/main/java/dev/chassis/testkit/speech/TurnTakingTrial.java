package dev.chassis.testkit.speech;

import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.TurnTaking;
import dev.chassis.talk.voice.VoiceActivityDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * Runs turns through {@link TurnTaking} as a live microphone would (20 ms pieces) and scores its decisions against
 * the truth: a cut-in is a turn declared over during a mid-turn pause; the wait is from the real end of speech to the
 * decision. One detector hears all turns of a speaker in order, so what it learns carries over, as in a conversation.
 */
public final class TurnTakingTrial {

    /**
     * What happened in one turn.
     *
     * @param cutIns          how many times the turn was declared over before its real end
     * @param midPhraseCutIns of those, how many fell in a pause inside a broken-off phrase
     * @param waited          from the real end to the decision, when the real end was found
     * @param text            the final transcript at the real end
     */
    public record Outcome(int cutIns, int midPhraseCutIns, java.util.Optional<Duration> waited, String text) { }

    private TurnTakingTrial() {
    }

    /**
     * Runs {@code turns} in order.
     *
     * @param recogniser makes the recogniser for a turn, given the turn and the samples fed so far
     */
    public static List<Outcome> run(List<SpokenTurn> turns, VoiceActivityDetector vad, EndOfTurnDetector eot, String language,
                                    BiFunction<SpokenTurn, LongSupplier, SpeechToText> recogniser) {
        List<Outcome> out = new ArrayList<>();
        for (SpokenTurn turn : turns) {
            AtomicLong fed = new AtomicLong();
            List<TurnTaking.VoiceTurn> ended = new ArrayList<>();
            TurnTaking tt = new TurnTaking(vad, recogniser.apply(turn, fed::get), eot, language, new TurnTaking.Listener() {
                @Override
                public void speechStarted() {
                }

                @Override
                public void turnEnded(TurnTaking.VoiceTurn t) {
                    synchronized (ended) {
                        ended.add(t);
                    }
                }
            });
            short[] a = turn.audio();
            for (int i = 0; i < a.length; i += 320) {
                int n = Math.min(320, a.length - i);
                fed.addAndGet(n);
                tt.feed(a, i, n);
            }
            tt.close();
            out.add(score(turn, ended));
        }
        return out;
    }

    private static Outcome score(SpokenTurn turn, List<TurnTaking.VoiceTurn> ended) {
        long realEnd = turn.end().toMillis();
        int cuts = 0;
        int midPhrase = 0;
        java.util.Optional<Duration> wait = java.util.Optional.empty();
        StringBuilder text = new StringBuilder();
        for (TurnTaking.VoiceTurn t : ended) {
            long decided = t.speechEnd().plus(t.waited()).toMillis();
            text.append(text.isEmpty() ? "" : " ").append(t.transcript().text());
            if (decided < realEnd - 50) {
                cuts++;
                for (SpokenTurn.Piece p : turn.pieces()) {   // the piece whose pause it fell in
                    if (p.unfinished() && decided >= p.stop().toMillis() && p != turn.pieces().getLast()
                            && decided < turn.pieces().get(turn.pieces().indexOf(p) + 1).start().toMillis()) {
                        midPhrase++;
                    }
                }
            } else if (wait.isEmpty()) {
                wait = java.util.Optional.of(Duration.ofMillis(decided - realEnd));
            }
        }
        return new Outcome(cuts, midPhrase, wait, text.toString());
    }
}
