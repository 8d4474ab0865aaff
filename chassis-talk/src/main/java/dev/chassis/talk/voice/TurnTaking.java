package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a person's audio into turns: voice activity frame by frame, recognition from the first word (with the
 * moments before it, so no onset is clipped), prosody alongside, and the end of the turn when the silence reaches what
 * the {@link EndOfTurnDetector} asks for at that pause. Time is the audio's own (samples fed), so a file fed faster
 * than real time gives the same turns as a live microphone. Feed from one thread; listeners are called on it, except
 * {@link Listener#turnEnded}, which follows the recogniser's final transcript.
 */
public final class TurnTaking implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TurnTaking.class);

    /** What the conversation hears from the person's side. */
    public interface Listener {

        /** The person began speaking: stop talking over them. */
        void speechStarted();

        /** A partial transcript of the turn. */
        default void partial(SpeechTranscript transcript) {
        }

        /**
         * The person paused with these words recognised so far (called again when more are recognised during the pause):
         * the turn may be over, and its answer can be prepared while the end of turn is decided.
         */
        default void paused(SpeechTranscript soFar, Prosody.Summary prosody) {
        }

        /** The turn is over: its final transcript and how it was spoken. */
        void turnEnded(VoiceTurn turn);

        /** The recogniser failed; the turn's words are lost and the person should be asked to repeat or type. */
        default void failed(SpeechException e) {
        }
    }

    /**
     * A finished turn.
     *
     * @param transcript   the final transcript, words on the turn's clock (0 = the first audio given to the recogniser)
     * @param prosody      how it was spoken
     * @param speechStart  where the speech began on the stream's clock
     * @param speechEnd    where the speech ended on the stream's clock
     * @param waited       the silence waited before the turn was declared over
     * @param endedAtNanos {@link System#nanoTime()} when the speech ended: the first-token deadline counts from here
     * @param reading      what the end-of-turn detector weighed at the pause that ended the turn
     */
    public record VoiceTurn(SpeechTranscript transcript, Prosody.Summary prosody, Duration speechStart, Duration speechEnd, Duration waited,
                            long endedAtNanos,
                            EndOfTurnDetector.Reading reading) { }

    static final int RATE = 16_000;
    private static final float START = 0.5f;
    private static final float KEEP = 0.35f;
    private static final int ONSET_FRAMES = 2;
    private static final int PREROLL_FRAMES = 10;
    /** Silence after which a pause is told ({@link Listener#paused}): past the gaps between words. */
    private static final long PAUSED_AFTER_MS = 160;
    /** Speech this soon after the end of a turn's speech means that end was a pause... */
    private static final long RESUMED_WITHIN = 2_000;
    /** ...unless the reply to it had been heard this long: then it answers the reply. */
    private static final long HEARD_AFTER_MS = 1_000;
    private static final long HEARD_AFTER_NANOS = HEARD_AFTER_MS * 1_000_000;

    private final VoiceActivityDetector.Stream vad;
    private final int frame;
    private final SpeechToText stt;
    private final EndOfTurnDetector eot;
    private final String language;
    private final Listener listener;
    private final short[] pending;
    private int pendingCount;
    private final ArrayDeque<short[]> preroll = new ArrayDeque<>();
    private long samples;                 // fed so far: the stream's clock
    private boolean inSpeech;
    private int onset;
    private long lastSpeechSample;        // end of the last speech frame
    private long turnStartSample;         // where the turn's speech began
    private SpeechToText.Recognition recognition;
    private Prosody prosody;
    private volatile SpeechTranscript partial;
    private volatile String partialText = "";
    private String pausedOn = "";           // the words last told as a pause
    private boolean settled;                // the recogniser was asked to settle the words before this pause
    private SpeechTranscript settledSoFar;  // what it settled, if it could
    private EndOfTurnDetector.Pause pause; // the pause in progress, if any
    private EndOfTurnDetector.Reading reading; // what the detector weighed at it
    private EndOfTurnDetector.Pause lastEnd; // the pause that ended the last turn, and where its speech stopped
    private long lastEndSpeechSample = Long.MIN_VALUE;
    private long lastEndNanos;               // System.nanoTime() where its speech stopped
    private volatile long repliedAtNanos;    // when the reply to the last turn began to be heard, 0 before

    public TurnTaking(VoiceActivityDetector vad, SpeechToText stt, EndOfTurnDetector eot, String language, Listener listener) {
        this.vad = vad.open();
        this.frame = vad.frameSamples();
        this.stt = Objects.requireNonNull(stt, "stt");
        this.eot = Objects.requireNonNull(eot, "eot");
        this.language = Objects.requireNonNull(language, "language");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.pending = new short[frame];
    }

    /** Feeds 16 kHz audio of any length. */
    public void feed(short[] audio, int offset, int length) {
        for (int i = 0; i < length; ) {
            int n = Math.min(length - i, frame - pendingCount);
            System.arraycopy(audio, offset + i, pending, pendingCount, n);
            pendingCount += n;
            i += n;
            if (pendingCount == frame) {
                process(pending.clone());
                pendingCount = 0;
            }
        }
    }

    public void feed(short[] audio) {
        feed(audio, 0, audio.length);
    }

    /** Whether a turn is open (the person spoke and the end has not been decided). */
    public boolean inTurn() {
        return recognition != null;
    }

    /** The stream's clock: audio fed so far. */
    public Duration position() {
        return Duration.ofMillis(samples * 1000 / RATE);
    }

    private void process(short[] f) {
        float p = vad.speechProbability(f, 0);
        samples += f.length;
        boolean speech = inSpeech ? p >= KEEP : p >= START;
        if (speech && !inSpeech) {
            onset++;
            if (onset >= ONSET_FRAMES) {
                inSpeech = true;
                onset = 0;
                speechBegan();
            }
        } else if (!speech) {
            onset = 0;
            inSpeech = false;
        }
        if (recognition != null) {
            recognition.feed(f, 0, f.length);
            prosody.frame(f, 0, f.length, inSpeech);
            if (inSpeech) {
                lastSpeechSample = samples;
                pause = null;
                settled = false;
                settledSoFar = null;
            } else {
                maybeEnd();
            }
        } else {
            preroll.addLast(f);
            if (preroll.size() > PREROLL_FRAMES) {
                preroll.removeFirst();
            }
        }
    }

    private void speechBegan() {
        if (recognition != null) {
            if (pause != null) {   // a pause that was not the end
                Duration silence = Duration.ofMillis((samples - lastSpeechSample) * 1000 / RATE - ONSET_FRAMES * 32L);
                LOG.debug("resumed after a pause of {} ms, told to the detector", silence.toMillis());
                eot.resumed(pause, silence);
                pause = null;
            }
            return;
        }
        if (lastEnd != null) {
            wentOn();
        }
        lastEnd = null;
        listener.speechStarted();
        partialText = "";
        partial = null;
        pausedOn = "";
        settled = false;
        settledSoFar = null;
        prosody = new Prosody();
        turnStartSample = Math.max(0, samples - (long) ONSET_FRAMES * frame);
        try {
            recognition = stt.start(language, t -> {
                partial = t;
                partialText = t.text();
                listener.partial(t);
            });
        } catch (SpeechException e) {
            listener.failed(e);
            return;
        }
        for (short[] before : preroll) {
            recognition.feed(before, 0, before.length);
            prosody.frame(before, 0, before.length, false);
        }
        preroll.clear();
        lastSpeechSample = samples;
    }

    /**
     * Speech after the end of the last turn: if it came soon, before the reply to that turn could be heard, the silence
     * was a pause (the turn was taken too early) and the detector learns it. Speech after the reply was heard answers it.
     * The silence is the longer of the audio's and the wall clock's: a client that stops sending while the reply plays
     * (the audio's clock stands still) has still been silent all that time.
     */
    private void wentOn() {
        long audioMs = (samples - lastEndSpeechSample) * 1000 / RATE - ONSET_FRAMES * 32L;
        long wallMs = (System.nanoTime() - lastEndNanos) / 1_000_000 - ONSET_FRAMES * 32L;
        long silence = Math.max(audioMs, wallMs);
        long replied = repliedAtNanos;
        boolean heard = replied != 0 && System.nanoTime() - replied > HEARD_AFTER_NANOS;
        if (silence < RESUMED_WITHIN && !heard) {
            LOG.debug("went on {} ms after the end of the last turn: told to the detector as a pause", silence);
            eot.resumed(lastEnd, Duration.ofMillis(silence));
        } else {
            LOG.debug("spoke {} ms after the end of the last turn{}: a new turn", silence, heard ? ", the reply to it heard" : "");
        }
    }

    /**
     * The reply to the last turn is being heard from now on (its first audio went out). Speech that starts more than
     * {@value #HEARD_AFTER_MS} ms later answers it; sooner, the person was still speaking their turn. Any thread.
     */
    public void replied() {
        repliedAtNanos = System.nanoTime();
    }

    private void maybeEnd() {
        long silentMs = (samples - lastSpeechSample) * 1000 / RATE;
        // once settled, the pause's words are the settled ones: a partial coming after them is of the silence
        String words = settledSoFar != null ? settledSoFar.text() : partialText;
        if (pause == null || !pause.transcript().equals(words)) {
            pause = new EndOfTurnDetector.Pause(words, language, prosody.ending());
            reading = eot.read(pause);
            LOG.debug("pause at {} ms after '{}': {}", lastSpeechSample * 1000 / RATE, pause.transcript(), reading);
        }
        if (silentMs >= reading.needed().toMillis()) {
            endTurn(Duration.ofMillis(silentMs));
            return;
        }
        if (silentMs >= PAUSED_AFTER_MS) {
            paused();
        }
    }

    /** In a pause: the words so far, settled by the recogniser if it can, are told once (again if more are recognised). */
    private void paused() {
        if (!settled) {
            settled = true;
            try {
                settledSoFar = recognition.settle().orElse(null);
                if (settledSoFar != null) {
                    partialText = settledSoFar.text();   // the end of turn weighs the settled words
                }
            } catch (RuntimeException e) {
                settledSoFar = null;   // the partial stands for the words; the final transcript reports any failure
            }
        }
        SpeechTranscript soFar = settledSoFar != null ? settledSoFar : partial;
        if (soFar != null && !soFar.text().isBlank() && !soFar.text().equals(pausedOn)) {
            pausedOn = soFar.text();
            listener.paused(soFar, prosody.summary(soFar.words()));
        }
    }

    private void endTurn(Duration waited) {
        EndOfTurnDetector.Reading why = reading;
        SpeechToText.Recognition r = recognition;
        Prosody p = prosody;
        Duration speechStart = Duration.ofMillis(turnStartSample * 1000 / RATE);
        Duration speechEnd = Duration.ofMillis(lastSpeechSample * 1000 / RATE);
        long endedAt = System.nanoTime() - waited.toNanos();
        recognition = null;
        lastEnd = pause;
        lastEndSpeechSample = lastSpeechSample;
        lastEndNanos = endedAt;
        repliedAtNanos = 0;
        pause = null;
        CompletableFuture<SpeechTranscript> result = r.finish();
        result.whenComplete((t, e) -> {
            if (e != null) {
                listener.failed(e instanceof SpeechException s ? s : e.getCause() instanceof SpeechException s2 ? s2
                        : new SpeechException.Broken(stt.name(), "the final transcript could not be read", e));
            } else {
                listener.turnEnded(new VoiceTurn(t, p.summary(t.words()), speechStart, speechEnd, waited, endedAt, why));
            }
        });
    }

    /** Drops a turn in progress. */
    @Override
    public void close() {
        if (recognition != null) {
            recognition.close();
            recognition = null;
        }
    }
}
