package dev.chassis.talk.voice;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Speaks text as streamed audio: an engine (a local synthesiser or a cloud service) behind one method. Audio arrives
 * on the sink as soon as the engine makes it, so playback can start before the sentence is synthesised; word timings,
 * where the engine gives them, tell later what a listener had heard when playback stopped. Thread-safe.
 *
 * <pre>{@code
 * TextToSpeech.Speech s = tts.speak("How did you start?", "en", chunk -> socket.send(chunk));
 * TextToSpeech.Spoken spoken = s.done().join();
 * }</pre>
 */
public interface TextToSpeech {

    /** The engine and voice, as configured: {@code espeak-ng}, {@code openai:gpt-4o-mini-tts#alloy}... */
    String name();

    /** The sample rate of the 16-bit mono audio it produces. */
    int sampleRate();

    /**
     * Starts speaking {@code text} in {@code language}.
     *
     * @param sink receives audio chunks in order on the engine's thread; must be quick
     * @throws SpeechException when the engine cannot start (not installed, unreachable, refused)
     */
    Speech speak(String text, String language, AudioSink sink);

    /** Receives synthesised audio: 16-bit mono samples at {@link #sampleRate()}. */
    @FunctionalInterface
    interface AudioSink {
        void audio(short[] samples);
    }

    /** Speech being synthesised. */
    interface Speech {

        /** Stops synthesis: at most the chunk being delivered reaches the sink after this returns. Idempotent. */
        void cancel();

        /** Completes when the whole text was synthesised (or cancelled), or exceptionally with a {@link SpeechException}. */
        CompletableFuture<Spoken> done();
    }

    /**
     * What was synthesised.
     *
     * @param words     the words with their place in the audio (empty when the engine gives no timings)
     * @param audio     the length of the audio produced
     * @param cancelled synthesis was stopped before the end
     */
    record Spoken(List<Word> words, Duration audio, boolean cancelled) {

        public Spoken {
            words = List.copyOf(words);
        }
    }
}
