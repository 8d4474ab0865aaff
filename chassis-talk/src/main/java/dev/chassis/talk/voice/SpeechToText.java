package dev.chassis.talk.voice;

import java.util.concurrent.CompletableFuture;

/**
 * Turns the person's speech into text as they speak: an engine (a local recogniser or a cloud service) behind one
 * method. A {@link Recognition} takes one turn's audio; partial transcripts arrive while it is fed, and
 * {@link Recognition#finish()} yields the final one. Implementations are thread-safe; a recognition is fed from one
 * thread at a time.
 *
 * <pre>{@code
 * try (SpeechToText.Recognition r = stt.start("en", t -> captions.show(t.text()))) {
 *     r.feed(pcm, 0, pcm.length);
 *     SpeechTranscript last = r.finish().join();
 * }
 * }</pre>
 */
public interface SpeechToText {

    /** The engine, as configured: {@code pocketsphinx}, {@code deepgram:nova-3}... */
    String name();

    /** The sample rate of the 16-bit mono audio this engine takes (16,000 for the built-ins). */
    default int sampleRate() {
        return 16_000;
    }

    /**
     * Starts recognising one stream.
     *
     * @param language a BCP 47 tag ({@code en}); an engine that cannot recognise it throws {@link SpeechException.Refused}
     * @param partials receives partial transcripts on the engine's thread; must be quick
     * @throws SpeechException when the engine cannot start (not installed, unreachable, refused)
     */
    Recognition start(String language, PartialListener partials);

    /** Receives partial transcripts while audio is fed. */
    @FunctionalInterface
    interface PartialListener {
        void partial(SpeechTranscript transcript);
    }

    /** One stream of audio being recognised. */
    interface Recognition extends AutoCloseable {

        /**
         * Feeds audio: 16-bit mono samples at {@link SpeechToText#sampleRate()}. Never blocks on the network; an engine
         * that fell behind or failed reports it through {@link #finish()}.
         */
        void feed(short[] samples, int offset, int length);

        /**
         * The person paused: settles the words heard so far as far as the engine can without ending the stream (the
         * final transcript will begin with them), so that an answer to them can be prepared. An engine that cannot
         * settle returns empty (the default), and its latest partial stands for the words so far. Called from the
         * feeding thread; may take a moment of decoding.
         */
        default java.util.Optional<SpeechTranscript> settle() {
            return java.util.Optional.empty();
        }

        /**
         * No more audio: completes with the final transcript of everything fed (words on the stream's clock), or
         * exceptionally with a {@link SpeechException}. Idempotent.
         */
        CompletableFuture<SpeechTranscript> finish();

        /** Abandons the stream (the turn was dropped); frees what it holds. Idempotent. */
        @Override
        void close();
    }
}
