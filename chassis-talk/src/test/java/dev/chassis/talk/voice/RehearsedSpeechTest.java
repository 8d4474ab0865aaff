package dev.chassis.talk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A sentence rehearsed ahead is spoken from memory when the same words are asked for; anything else goes to the engine. */
class RehearsedSpeechTest {

    @Test
    void the_rehearsed_sentence_is_played_from_memory_without_a_second_synthesis() throws Exception {
        Engine engine = new Engine();
        RehearsedSpeech voice = new RehearsedSpeech(engine);
        voice.rehearse("How did you start?", "en");
        engine.calls.getFirst().chunk(new short[] {1, 2});
        engine.calls.getFirst().chunk(new short[] {3});

        List<Short> heard = new CopyOnWriteArrayList<>();
        TextToSpeech.Speech s = voice.speak("How did you start?", "en", samples -> {
            for (short x : samples) {
                heard.add(x);
            }
        });
        engine.calls.getFirst().chunk(new short[] {4});   // the rest streams on as the engine makes it
        engine.calls.getFirst().end();

        TextToSpeech.Spoken spoken = s.done().get(10, TimeUnit.SECONDS);
        assertThat(engine.calls).as("synthesised once, ahead").hasSize(1);
        assertThat(heard).containsExactly((short) 1, (short) 2, (short) 3, (short) 4);
        assertThat(spoken.words()).extracting(Word::text).containsExactly("How");
    }

    @Test
    void other_words_are_synthesised_and_a_newer_rehearsal_or_forget_drops_the_one_before() throws Exception {
        Engine engine = new Engine();
        RehearsedSpeech voice = new RehearsedSpeech(engine);
        voice.rehearse("How did you start?", "en");
        voice.rehearse("What got in your way?", "en");
        assertThat(engine.calls.get(0).cancelled).as("the first rehearsal dropped").isTrue();

        voice.speak("How did you start?", "en", samples -> { });
        assertThat(engine.calls).as("not rehearsed any more: synthesised again").hasSize(3);
        voice.speak("What got in your way?", "de", samples -> { });
        assertThat(engine.calls).as("another language is another sentence").hasSize(4);

        voice.forget();
        assertThat(engine.calls.get(1).cancelled).isTrue();
        voice.speak("What got in your way?", "en", samples -> { });
        assertThat(engine.calls).hasSize(5);
    }

    @Test
    void a_spoken_rehearsal_that_is_cancelled_delivers_nothing_more() throws Exception {
        Engine engine = new Engine();
        RehearsedSpeech voice = new RehearsedSpeech(engine);
        voice.rehearse("How did you start?", "en");
        List<short[]> heard = new CopyOnWriteArrayList<>();
        TextToSpeech.Speech s = voice.speak("How did you start?", "en", heard::add);
        s.cancel();
        engine.calls.getFirst().chunk(new short[] {9});
        assertThat(engine.calls.getFirst().cancelled).isTrue();
        assertThat(s.done().get(10, TimeUnit.SECONDS).cancelled()).isTrue();
        assertThat(heard).isEmpty();
    }

    /** An engine whose test drives each synthesis by hand. */
    private static final class Engine implements TextToSpeech {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "hand";
        }

        @Override
        public int sampleRate() {
            return 16_000;
        }

        @Override
        public Speech speak(String text, String language, AudioSink sink) {
            Call c = new Call(text, sink);
            calls.add(c);
            return c;
        }
    }

    private static final class Call implements TextToSpeech.Speech {
        final String text;
        final TextToSpeech.AudioSink sink;
        final CompletableFuture<TextToSpeech.Spoken> done = new CompletableFuture<>();
        volatile boolean cancelled;

        Call(String text, TextToSpeech.AudioSink sink) {
            this.text = text;
            this.sink = sink;
        }

        void chunk(short[] samples) {
            if (!cancelled) {
                sink.audio(samples);
            }
        }

        void end() {
            done.complete(new TextToSpeech.Spoken(List.of(Word.ofMillis(text.split(" ")[0], 0, 200)), Duration.ofMillis(250), false));
        }

        @Override
        public void cancel() {
            cancelled = true;
            done.complete(new TextToSpeech.Spoken(List.of(), Duration.ZERO, true));
        }

        @Override
        public CompletableFuture<TextToSpeech.Spoken> done() {
            return done;
        }
    }
}
