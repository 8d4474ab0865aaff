package dev.chassis.voice.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.TurnTaking;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.testkit.speech.FixedRecognizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which silences {@link TurnTaking} tells the end-of-turn detector were pauses: speech that follows soon after a turn was
 * taken was a pause, an answer to a reply that was heard is not, and a client that sends nothing while the reply plays
 * has still been silent. Audio made of tones and silence, with a recogniser that hears a closed sentence in any speech;
 * the detector's own rules are in chassis-talk's EndOfTurnTest.
 */
class TurnTakingPausesTest {

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
        TurnTaking t = new TurnTaking(LOUDNESS, FixedRecognizer.hearing("That is all."), eot, "en", new TurnTaking.Listener() {
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
