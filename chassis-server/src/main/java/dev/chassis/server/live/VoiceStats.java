package dev.chassis.server.live;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a spoken session's audio timings as they happen, for {@link VoiceView}: each answer's end of speech until its
 * reply's first audio, and each barge-in until its reply's audio stopped and what had been heard. Every change is told
 * to {@code changed}, which must not block (the server saves {@link #view} in the data folder off the audio's path). Thread-safe.
 */
final class VoiceStats {

    private final String channel;
    private final String recogniser;
    private final String synthesiser;
    private final Runnable changed;
    private final List<VoiceView.Turn> turns = new ArrayList<>();
    private final List<VoiceView.BargeIn> bargeIns = new ArrayList<>();
    private long speechEndedAt;   // System.nanoTime() of the last answer's end of speech, 0 once its reply's audio began
    private double waitedMs;
    private VoiceView.EndOfTurn endOfTurn;
    private double recognisedMs;
    private long recognisedAt;    // System.nanoTime() of its final transcript
    private long firstSentenceAt; // when the reply's first words went to the synthesiser, 0 before

    VoiceStats(String channel, String recogniser, String synthesiser, List<VoiceView.Turn> turns, List<VoiceView.BargeIn> bargeIns,
               Runnable changed) {
        this.channel = channel;
        this.recogniser = recogniser;
        this.synthesiser = synthesiser;
        this.turns.addAll(turns);
        this.bargeIns.addAll(bargeIns);
        this.changed = changed;
    }

    /**
     * An answer's speech ended at {@code endedAtNanos}; the turn was taken as over {@code waitedMs} later, for the reasons
     * in {@code endOfTurn}, and recognised now.
     */
    synchronized void answered(long endedAtNanos, double waitedMs, VoiceView.EndOfTurn endOfTurn) {
        speechEndedAt = endedAtNanos;
        this.waitedMs = waitedMs;
        this.endOfTurn = endOfTurn;
        this.recognisedAt = System.nanoTime();
        this.recognisedMs = ms(recognisedAt - endedAtNanos);
        this.firstSentenceAt = 0;
    }

    /** The first words of the reply to the last answer go to the synthesiser. */
    synchronized void firstSentence() {
        if (speechEndedAt != 0 && firstSentenceAt == 0) {
            firstSentenceAt = System.nanoTime();
        }
    }

    /** The first audio of {@code turn}'s reply is being sent. */
    void firstAudio(int turn) {
        synchronized (this) {
            if (speechEndedAt == 0) {
                return;   // the opening, or a reply nobody spoke for
            }
            long now = System.nanoTime();
            long sentence = firstSentenceAt == 0 ? now : firstSentenceAt;
            turns.add(new VoiceView.Turn(turn, waitedMs, recognisedMs, ms(sentence - recognisedAt), ms(now - sentence),
                    ms(now - speechEndedAt), endOfTurn));
            speechEndedAt = 0;
        }
        changed.run();
    }

    /** The reply of {@code turn} was cut off; {@code heardSince} is when the speech that cut it arrived (0 when typed). */
    void cut(int turn, long heardSince, long stoppedAt) {
        synchronized (this) {
            boolean voice = heardSince != 0;
            bargeIns.add(new VoiceView.BargeIn(turn, voice, voice ? ms(stoppedAt - heardSince) : -1, -1, ""));
        }
        changed.run();
    }

    /** They heard the first {@code characters} of {@code turn}'s reply. */
    void heard(int turn, int characters) {
        synchronized (this) {
            for (int i = bargeIns.size() - 1; i >= 0; i--) {
                VoiceView.BargeIn b = bargeIns.get(i);
                if (b.turn() == turn) {
                    bargeIns.set(i, new VoiceView.BargeIn(turn, b.byVoice(), b.stopMs(), characters, b.heard()));
                    break;
                }
            }
        }
        changed.run();
    }

    synchronized VoiceView view() {
        return new VoiceView(channel, recogniser, synthesiser, turns, bargeIns);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
