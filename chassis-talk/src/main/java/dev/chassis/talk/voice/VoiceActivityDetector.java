package dev.chassis.talk.voice;

/**
 * Tells speech from silence and noise, frame by frame: a neural model (Silero VAD in chassis-voice) or anything else
 * behind one method. A detector is shared; each audio stream opens its own {@link Stream}, which keeps the model's
 * state between frames. Thread-safe; a stream is used from one thread at a time.
 *
 * <pre>{@code
 * VoiceActivityDetector.Stream s = vad.open();
 * float p = s.speechProbability(frame, 0);   // frameSamples() samples at 16 kHz
 * }</pre>
 */
public interface VoiceActivityDetector {

    /** Samples per frame, at 16 kHz. */
    int frameSamples();

    /** A new stream with fresh state. */
    Stream open();

    /** One audio stream's state. */
    interface Stream {

        /** The probability that the {@link #frameSamples()} samples from {@code offset} hold speech, in [0, 1]. */
        float speechProbability(short[] samples, int offset);
    }
}
