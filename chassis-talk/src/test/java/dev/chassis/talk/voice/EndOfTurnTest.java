package dev.chassis.talk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The adaptive end of turn: what it asks for from the words and the pitch, what it learns from a person's pauses and
 * what it forgets again. Which silences {@link TurnTaking} tells it were pauses is in chassis-voice's
 * TurnTakingPausesTest (it uses testkit's recognisers, which this module's tests cannot reach).
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
}
