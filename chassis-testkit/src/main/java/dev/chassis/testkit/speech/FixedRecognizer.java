package dev.chassis.testkit.speech;

import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.SpeechTranscript;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A recogniser that hears the same words in any speech, or none: turn-taking can then be driven by audio alone (tones
 * and silence, or speech whose words do not matter) while the end-of-turn detector is shown a sentence of the test's
 * choosing. With no words it sends no partials and its final transcript is empty, so the detector decides from
 * silence and prosody alone. Thread-safe (it keeps no state).
 *
 * <pre>{@code
 * SpeechToText stt = FixedRecognizer.hearing("That is all.");
 * }</pre>
 */
public final class FixedRecognizer implements SpeechToText {

    private final String words;

    private FixedRecognizer(String words) {
        this.words = words;
    }

    /** Hears {@code words} (a partial on every piece of audio fed, and the final transcript). */
    public static FixedRecognizer hearing(String words) {
        return new FixedRecognizer(words);
    }

    /** Hears nothing: no partials, an empty final transcript. */
    public static FixedRecognizer nothing() {
        return new FixedRecognizer("");
    }

    @Override
    public String name() {
        return words.isEmpty() ? "none" : "fixed";
    }

    @Override
    public Recognition start(String language, PartialListener partials) {
        return new Recognition() {
            @Override
            public void feed(short[] samples, int offset, int length) {
                if (!words.isEmpty()) {
                    partials.partial(new SpeechTranscript(words, false, List.of(), language));
                }
            }

            @Override
            public CompletableFuture<SpeechTranscript> finish() {
                return CompletableFuture.completedFuture(new SpeechTranscript(words, true, List.of(), language));
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
