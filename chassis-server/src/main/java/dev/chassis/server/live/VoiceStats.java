package dev.chassis.server.live;

import dev.chassis.talk.voice.AudioTiming;
import java.util.function.Consumer;

/**
 * Times a spoken session's audio as it happens and hands each timing to the session's journal ({@code journal}, which
 * must not block): how the person is connected (before the first timing), each answer's end of speech until its reply's
 * first audio with its parts, and each barge-in until its reply's audio stopped with how much of it was heard. The console's {@link VoiceView} is read
 * back from the journal. Thread-safe.
 */
final class VoiceStats {

    private final AudioTiming.Connected connected;
    private final Consumer<AudioTiming> journal;
    private boolean saidConnected;
    private final java.util.Map<Integer, AudioTiming.BargeIn> cuts = new java.util.HashMap<>();   // cut, how much was heard not yet known
    private long speechEndedAt;   // System.nanoTime() of the last answer's end of speech, 0 once its reply's audio began
    private long speechFromMs;
    private long speechToMs;
    private double waitedMs;
    private AudioTiming.EndOfTurn endOfTurn;
    private double recognisedMs;
    private long recognisedAt;    // System.nanoTime() of its final transcript
    private long firstSentenceAt; // when the reply's first words went to the synthesiser, 0 before

    VoiceStats(AudioTiming.Connected connected, Consumer<AudioTiming> journal) {
        this.connected = connected;
        this.journal = journal;
    }

    /**
     * An answer's speech ended at {@code endedAtNanos}, having lasted from {@code fromMs} to {@code toMs} on its connection's
     * stream; the turn was taken as over {@code waitedMs} later, for the reasons in {@code endOfTurn}, and recognised now.
     */
    synchronized void answered(long endedAtNanos, long fromMs, long toMs, double waitedMs, AudioTiming.EndOfTurn endOfTurn) {
        speechEndedAt = endedAtNanos;
        this.speechFromMs = fromMs;
        this.speechToMs = toMs;
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
    synchronized void firstAudio(int turn) {
        if (speechEndedAt == 0) {
            return;   // the opening, or a reply nobody spoke for
        }
        long now = System.nanoTime();
        long sentence = firstSentenceAt == 0 ? now : firstSentenceAt;
        tell(new AudioTiming.Answer(turn, speechFromMs, speechToMs, waitedMs, recognisedMs, ms(sentence - recognisedAt), ms(now - sentence),
                ms(now - speechEndedAt), endOfTurn));
        speechEndedAt = 0;
    }

    /** The reply of {@code turn} was cut off; {@code heardSince} is when the speech that cut it arrived (0 when typed). */
    synchronized void cut(int turn, long heardSince, long stoppedAt) {
        boolean voice = heardSince != 0;
        cuts.put(turn, new AudioTiming.BargeIn(turn, voice, voice ? ms(stoppedAt - heardSince) : -1, -1));
    }

    /** They heard the first {@code characters} of {@code turn}'s reply, which was cut off. */
    synchronized void heard(int turn, int characters) {
        AudioTiming.BargeIn b = cuts.remove(turn);
        if (b != null) {
            tell(new AudioTiming.BargeIn(turn, b.byVoice(), b.stopMs(), characters));
        }
    }

    /** Journals {@code timing} (after how the person is connected, the first time). */
    synchronized void told(AudioTiming timing) {
        tell(timing);
    }

    private void tell(AudioTiming timing) {
        if (!saidConnected) {
            saidConnected = true;
            journal.accept(connected);
        }
        journal.accept(timing);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
