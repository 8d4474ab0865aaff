package dev.chassis.talk.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TextToSpeech} that can say a sentence to itself before it is asked for: {@link #rehearse} synthesises it
 * into memory, and a later {@link #speak} of the very same text and language gets that audio at once (then the rest as
 * the engine makes it) instead of waiting for synthesis. One rehearsal is kept: a new one, or a {@link #forget}, drops the
 * last. Other texts go straight to the engine. For one conversation; thread-safe.
 *
 * <pre>{@code
 * RehearsedSpeech voice = new RehearsedSpeech(espeak);
 * voice.rehearse("What made you start?", "en");          // while the person is still deciding to stop
 * voice.speak("What made you start?", "en", socket::send); // the audio is there already
 * }</pre>
 */
public final class RehearsedSpeech implements TextToSpeech {

    private final TextToSpeech engine;
    private Rehearsal latest;   // guarded by this

    public RehearsedSpeech(TextToSpeech engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public int sampleRate() {
        return engine.sampleRate();
    }

    /**
     * Synthesises {@code text} now, kept for a {@link #speak} of the same text; the rehearsal before it is dropped (unless
     * it is of the same text). An engine that cannot start simply leaves nothing rehearsed.
     */
    public void rehearse(String text, String language) {
        Rehearsal r;
        synchronized (this) {
            if (latest != null && latest.is(text, language)) {
                return;
            }
            drop();
            r = new Rehearsal(text, language);
            latest = r;
        }
        try {
            r.start(engine);
        } catch (SpeechException e) {
            synchronized (this) {
                if (latest == r) {
                    latest = null;
                }
            }
        }
    }

    /** Drops what was rehearsed and not spoken. */
    public synchronized void forget() {
        drop();
    }

    private void drop() {
        if (latest != null) {
            latest.cancel();
            latest = null;
        }
    }

    @Override
    public Speech speak(String text, String language, AudioSink sink) {
        Rehearsal r;
        synchronized (this) {
            r = latest != null && latest.is(text, language) && latest.usable() ? latest : null;
            if (r != null) {
                latest = null;
            }
        }
        return r != null ? r.play(sink) : engine.speak(text, language, sink);
    }

    /** One sentence synthesised ahead: its audio so far, and the listener once it is spoken. */
    private static final class Rehearsal implements Speech {
        private final String text;
        private final String language;
        private final List<short[]> audio = new ArrayList<>();   // guarded by this
        private AudioSink sink;                                  // guarded by this; set once spoken
        private boolean live;                                    // guarded by this: chunks go straight to the sink
        private boolean cancelled;                               // guarded by this
        private volatile Speech speech;
        private final CompletableFuture<Void> replayed = new CompletableFuture<>();

        Rehearsal(String text, String language) {
            this.text = text;
            this.language = language;
        }

        void start(TextToSpeech engine) {
            speech = engine.speak(text, language, this::chunk);
        }

        boolean is(String t, String l) {
            return text.equals(t) && language.equals(l);
        }

        /** Not failed: a rehearsal that failed is spoken again by the engine. */
        boolean usable() {
            Speech s = speech;
            return s != null && !s.done().isCompletedExceptionally();
        }

        private synchronized void chunk(short[] samples) {
            if (cancelled) {
                return;
            }
            if (live) {
                sink.audio(samples);
            } else {
                audio.add(samples);
            }
        }

        Speech play(AudioSink to) {
            synchronized (this) {
                sink = to;
            }
            Thread.ofVirtual().name("rehearsed-speech").start(() -> {
                synchronized (this) {
                    for (int i = 0; i < audio.size() && !cancelled; i++) {
                        sink.audio(audio.get(i));
                    }
                    audio.clear();
                    live = true;
                }
                replayed.complete(null);
            });
            return this;
        }

        @Override
        public void cancel() {
            synchronized (this) {
                cancelled = true;
            }
            Speech s = speech;
            if (s != null) {
                s.cancel();
            }
            replayed.complete(null);
        }

        @Override
        public CompletableFuture<Spoken> done() {
            return replayed.thenCompose(v -> speech.done());
        }
    }
}
