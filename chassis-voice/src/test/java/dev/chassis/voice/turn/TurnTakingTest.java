package dev.chassis.voice.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.testkit.speech.ScriptedRecognizer;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.testkit.speech.SpokenTurn;
import dev.chassis.testkit.speech.TurnScripts;
import dev.chassis.testkit.speech.TurnTakingTrial;
import dev.chassis.voice.offline.PocketSphinx;
import dev.chassis.voice.offline.SileroVad;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Turn-taking on synthesised answers with known pauses: the Silero VAD, the recogniser and the end-of-turn detector together. */
class TurnTakingTest {

    private static List<SpokenTurn> english;

    @BeforeAll
    static void speak() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
        english = TurnScripts.spoken("en", new TurnScripts.Speaker("en-us", 160, 50, 1.0), 1);
    }

    private static List<TurnTakingTrial.Outcome> trial(EndOfTurnDetector eot) {
        return TurnTakingTrial.run(english, SileroVad.create(), eot, "en",
                (turn, fed) -> new ScriptedRecognizer(turn, fed, Duration.ofMillis(300)));
    }

    private static int cutIns(List<TurnTakingTrial.Outcome> o) {
        return o.stream().mapToInt(TurnTakingTrial.Outcome::cutIns).sum();
    }

    @Test
    void adaptive_silence_cuts_in_less_than_a_fixed_half_second_and_never_on_an_unfinished_phrase() {
        List<TurnTakingTrial.Outcome> fixed = trial(EndOfTurnDetector.fixed(Duration.ofMillis(500)));
        List<TurnTakingTrial.Outcome> adaptive = trial(EndOfTurnDetector.adaptive());
        assertThat(cutIns(fixed)).isGreaterThanOrEqualTo(6);     // nearly every pause is over half a second
        assertThat(cutIns(adaptive)).isLessThanOrEqualTo(2);     // until it has heard how this person pauses between sentences
        assertThat(cutIns(adaptive.subList(4, 8))).isZero();      // and none after
        for (int i = 0; i < english.size(); i++) {
            if (english.get(i).pieces().getFirst().unfinished()) {
                assertThat(adaptive.get(i).cutIns()).as("turn %d: %s", i, english.get(i).text()).isZero();
            }
        }
        assertThat(adaptive).allMatch(o -> o.waited().isPresent());
        assertThat(adaptive.stream().mapToLong(o -> o.waited().orElseThrow().toMillis()).max().orElseThrow()).isLessThan(1_200);
    }

    @Test
    void a_turn_is_recognised_offline_from_the_first_word_to_the_last() {
        List<SpokenTurn> one = List.of(SpokenTurn.speak(List.of(new SpokenTurn.Line("No, I do not think so.", Duration.ZERO, false)),
                "en-us+f2", 150, 50, Duration.ofSeconds(2)));
        List<TurnTakingTrial.Outcome> o = TurnTakingTrial.run(one, SileroVad.create(), EndOfTurnDetector.adaptive(), "en",
                (turn, fed) -> PocketSphinx.create());
        assertThat(o.getFirst().cutIns()).isZero();
        assertThat(o.getFirst().text()).contains("think so");
    }

    @Test
    void a_pause_is_told_with_the_words_so_far_before_the_turn_ends_so_its_answer_can_be_prepared() throws Exception {
        short[] words = Speech.synthesise("I like coffee.", "en-us+f2", 150, 50);
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<String> ended = new java.util.concurrent.CompletableFuture<>();
        try (dev.chassis.talk.voice.TurnTaking t = new dev.chassis.talk.voice.TurnTaking(SileroVad.create(), PocketSphinx.create(),
                EndOfTurnDetector.adaptive(), "en", new dev.chassis.talk.voice.TurnTaking.Listener() {
                    @Override
                    public void speechStarted() {
                    }

                    @Override
                    public void paused(dev.chassis.talk.voice.SpeechTranscript soFar, dev.chassis.talk.voice.Prosody.Summary prosody) {
                        heard.add("paused:" + soFar.text());
                    }

                    @Override
                    public void turnEnded(dev.chassis.talk.voice.TurnTaking.VoiceTurn turn) {
                        heard.add("ended");
                        ended.complete(turn.transcript().text());
                    }
                })) {
            short[] audio = java.util.Arrays.copyOf(words, words.length + 16_000 * 3);
            for (int at = 0; at < audio.length && !ended.isDone(); at += 1_600) {
                t.feed(audio, at, Math.min(1_600, audio.length - at));
                Thread.sleep(20);   // partials come from the recogniser's own thread
            }
            String finalWords = ended.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(heard).as("told of the pause before the end").first().asString().startsWith("paused:");
            assertThat(heard.getLast()).isEqualTo("ended");
            assertThat(heard.stream().filter(e -> e.startsWith("paused:")).toList().getLast()).isEqualTo("paused:" + finalWords);
        }
    }
}
