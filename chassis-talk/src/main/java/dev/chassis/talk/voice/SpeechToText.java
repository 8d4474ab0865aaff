package dev.chassis.talk.voice;

import java.util.function.Consumer;

/**
 * Turns the person's audio into text as they speak. An adapter (a cloud or local recogniser)
 * pushes partial and final transcripts; the session acts on final ones.
 */
public interface SpeechToText extends AutoCloseable {

    /** A piece of transcript; {@code isFinal} when the recogniser will not revise it. */
    record Transcript(String text, boolean isFinal, String language) { }

    /** Starts recognising; transcripts go to {@code sink} on the adapter's thread. */
    void start(String language, Consumer<Transcript> sink);

    /** Feeds audio (16-bit PCM, mono, at the adapter's sample rate). */
    void feed(byte[] pcm);

    @Override
    void close();
}
