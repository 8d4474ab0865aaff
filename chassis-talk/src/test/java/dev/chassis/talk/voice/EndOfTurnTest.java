package dev.chassis.talk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The adaptive end of turn: what it asks for from the words and the pitch, what it learns from a person's pauses and
 * what it forgets again, and which silences {@link TurnTaking} tells it were pauses (audio made of tones and silence
 * here; the real voice activity model and recognisers are in chassis-voice's TurnTakingTest).
 */
class EndOfTurnTest {

    private static EndOfTurnDetector.Pause pause(String words, Prosody.Ending ending) {
        return new EndOfTurnDetector.Pause(words, "en", ending);
    }

    @Test
    void a_closed_sentence_said_falling_ends_after_a_short_silence_and_an_unfinished_phrase_waits_long() {
        EndOfTurnDetector eot = EndOfTurnDetector.adaptive();
        EndOfTurnDetector.Reading closed = eot.read(pause("I like coffee.", Prosody.Ending.FALLING));
        assertThat(closed.needed()).isBetween(Duration.ofMillis(200), Duration.ofMillis(350));
        assertThat(closed.words()).isEqualTo(EndOfTurnDetector.Words.CLOSED);
        assertThat(eot.read(pause("I started with the", Prosody.Ending.LEVEL)).needed()).isGreaterThan(Duration.ofMillis(1_500));
        assertThat(eot.read(pause("and then", Prosody.Ending.FALLING)).needed()).isGreaterThan(Duration.ofMillis(1_000));
        assertThat(eot.silenceNeeded(pause("I think so.", Prosody.Ending.FALLING))).isEqualTo(closed.needed());
    }

    @Test
    void a_speaker_who_pauses_between_sentences_is_waited_for_and_the_wait_falls_again_when_their_pauses_shorten() {
        EndOfTurnDetector eot = EndOfTurnDetector.adaptive();
        EndOfTurnDetector.Pause closed = pause("We meet every Monday.", Prosody.Ending.FALLING);
        Duration fresh = eot.silenceNeeded(closed);
        for (int i = 0; i < 3; i++) {
            eot.resumed(closed, Duration.ofMillis(650));
        }
        EndOfTurnDetector.Reading learned = eot.read(closed);
        assertThat(learned.needed()).as("longer than their pauses").isGreaterThan(Duration.ofMillis(650));
        assertThat(learned.learned()).isEqualTo(3);
        assertThat(learned.atLeast()).isEqualTo(learned.needed());
        for (int i = 0; i < 20; i++) {
            eot.resumed(closed, Duration.ofMillis(120));
        }
        assertThat(eot.silenceNeeded(closed)).as("their pauses are short again").isLessThan(Duration.ofMillis(400)).isGreaterThanOrEqualTo(fresh);
        eot.resumed(pause("and my", Prosody.Ending.LEVEL), Duration.ofMillis(2_000));   // a pause in an unfinished phrase
        assertThat(eot.silenceNeeded(closed)).as("says nothing of the pauses after finished words").isLessThan(Duration.ofMillis(400));
    }

    // --- which silences TurnTaking counts as pauses ---

    private static final int FRAME = 512;

    /** Speech where the samples are loud: enough to drive TurnTaking without a model. */
    private static final VoiceActivityDetector LOUDNESS = new VoiceActivityDetector() {
        @Override
        public int frameSamples() {
            return FRAME;
        }

        @Override
        public Stream open() {
            return (samples, offset) -> Pcm.rms(samples, offset, FRAME) > 0.05 ? 0.9f : 0.0f;
        }
    };

    /** A recogniser that hears a closed sentence in any speech. */
    private static final SpeechToText SENTENCE = new SpeechToText() {
        @Override
        public String name() {
            return "sentence";
        }

        @Override
        public Recognition start(String language, PartialListener partials) {
            return new Recognition() {
                @Override
                public void feed(short[] samples, int offset, int length) {
                    partials.partial(new SpeechTranscript("That is all.", false, List.of(), language));
                }

                @Override
                public CompletableFuture<SpeechTranscript> finish() {
                    return CompletableFuture.completedFuture(new SpeechTranscript("That is all.", true, List.of(), language));
                }

                @Override
                public void close() {
                }
            };
        }
    };

    /** Counts the pauses the detector is told of. */
    private static final class Learning implements EndOfTurnDetector {
        private final EndOfTurnDetector inner = EndOfTurnDetector.adaptive();
        final List<Duration> told = new ArrayList<>();

        @Override
        public Duration silenceNeeded(Pause pause) {
            return inner.silenceNeeded(pause);
        }

        @Override
        public Reading read(Pause pause) {
            return inner.read(pause);
        }

        @Override
        public void resumed(Pause pause, Duration silence) {
            told.add(silence);
            inner.resumed(pause, silence);
        }
    }

    private static short[] tone(int ms) {
        short[] s = new short[ms * 16];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8_000 * Math.sin(2 * Math.PI * 200 * i / 16_000.0));
        }
        return s;
    }

    /** Turn-taking in which a first turn was spoken and taken as over 600 ms into the silence after it. */
    private static TurnTaking afterATurn(Learning eot, List<TurnTaking.VoiceTurn> ended) {
        TurnTaking t = new TurnTaking(LOUDNESS, SENTENCE, eot, "en", new TurnTaking.Listener() {
            @Override
            public void speechStarted() {
            }

            @Override
            public void turnEnded(TurnTaking.VoiceTurn turn) {
                ended.add(turn);
            }
        });
        t.feed(tone(800));
        t.feed(new short[16 * 600]);
        assertThat(ended).hasSize(1);
        return t;
    }

    @Test
    void speech_soon_after_a_turn_was_taken_is_a_pause_learned_but_an_answer_to_a_heard_reply_is_not() throws Exception {
        Learning eot = new Learning();
        List<TurnTaking.VoiceTurn> ended = new ArrayList<>();
        try (TurnTaking t = afterATurn(eot, ended)) {
            assertThat(ended.getFirst().reading().words()).isEqualTo(EndOfTurnDetector.Words.CLOSED);
            assertThat(ended.getFirst().waited()).isGreaterThanOrEqualTo(ended.getFirst().reading().needed());
            t.feed(tone(800));   // they went on 600 ms after their last word: the turn was taken too early
            assertThat(eot.told).hasSize(1);
            assertThat(eot.told.getFirst()).isBetween(Duration.ofMillis(450), Duration.ofMillis(650));

            t.feed(new short[16 * 1_000]);   // it now waits longer than the pause it learned
            assertThat(ended).hasSize(2);
            t.replied();                  // the reply's audio begins...
            Thread.sleep(1_100);          // ...and is heard for over a second
            t.feed(new short[16 * 200]);
            t.feed(tone(800));           // an answer to it, 800 ms of audio after the last word
            assertThat(eot.told).as("an answer to the reply is no pause").hasSize(1);
        }
    }

    @Test
    void a_client_that_sends_nothing_while_the_reply_plays_has_still_been_silent() throws Exception {
        Learning eot = new Learning();
        List<TurnTaking.VoiceTurn> ended = new ArrayList<>();
        try (TurnTaking t = afterATurn(eot, ended)) {
            Thread.sleep(2_100);          // nothing is sent: the audio's clock stands still, the person's does not
            t.feed(tone(800));
            assertThat(eot.told).isEmpty();
        }
    }
}
