package dev.chassis.voice.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.monitor.ProsodyMonitor;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.talk.voice.Word;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.SileroVad;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prosody into the state: answers synthesised by espeak-ng with known changes of loudness ({@code -a}), pace
 * ({@code -s}) and pitch ({@code -p}) after three answers in the person's usual voice raise the matching cue, and
 * steering answers that very turn as it answers a drop in engagement; an answer in the usual voice, a louder or faster
 * one, and the first answers (no baseline yet) raise none.
 */
class ProsodySignalsTest {

    private static final List<String> ANSWERS = List.of(
            "We used the new system every day for three months before the change.",
            "I usually start the morning with a cup of coffee and the news.",
            "My team works from home on most days of the week these days.",
            "The first thing I noticed was how quickly the reports came in.");
    private static final int RATE = 160;
    private static final int PITCH = 50;
    private static final int AMPLITUDE = 100;

    @BeforeAll
    static void synthesiser() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
    }

    @Test
    void a_quieter_answer_after_the_usual_voice_is_a_cue_steering_answers() throws Exception {
        TurnRecord last = interview(RATE, PITCH, 30);
        assertThat(cues(last)).contains("quieter");
        assertThat(last.directive()).isInstanceOf(Directive.Simplify.class);
        assertThat(last.signalsUsed()).singleElement().isInstanceOf(Signal.ProsodyNoted.class);
    }

    @Test
    void a_slower_answer_is_a_cue() throws Exception {
        TurnRecord last = interview(100, PITCH, AMPLITUDE);
        assertThat(cues(last)).contains("slower");
        assertThat(last.directive()).isInstanceOf(Directive.Simplify.class);
    }

    @Test
    void a_lower_answer_is_a_cue() throws Exception {
        TurnRecord last = interview(RATE, 15, AMPLITUDE);
        assertThat(cues(last)).contains("lower");
    }

    @Test
    void an_answer_in_the_usual_voice_or_a_livelier_one_raises_no_cue() throws Exception {
        for (int[] voice : new int[][] {{RATE, PITCH, AMPLITUDE}, {220, 75, 180}}) {
            TurnRecord last = interview(voice[0], voice[1], voice[2]);
            assertThat(cues(last)).as("rate %d pitch %d amplitude %d", voice[0], voice[1], voice[2]).isEmpty();
            assertThat(last.directive()).isNotInstanceOf(Directive.Simplify.class);
        }
    }

    @Test
    void the_first_answers_have_no_baseline_to_drop_from() throws Exception {
        try (Session s = harness().open(harness().stage(briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            s.respond(spoken(ANSWERS.get(0), RATE, PITCH, AMPLITUDE), t -> { }).get(10, TimeUnit.SECONDS);
            TurnRecord second = s.respond(spoken(ANSWERS.get(1), 100, 15, 30), t -> { }).get(10, TimeUnit.SECONDS);
            assertThat(noted(s, 2).cues()).isEmpty();
            assertThat(second.directive()).isNotInstanceOf(Directive.Simplify.class);
        }
    }

    /** Three answers in the usual voice, then the last one in the voice given; the record of the reply to it. */
    private static TurnRecord interview(int rate, int pitch, int amplitude) throws Exception {
        TalkHarness h = harness();
        try (Session s = h.open(h.stage(briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                s.respond(spoken(ANSWERS.get(i), RATE, PITCH, AMPLITUDE), t -> { }).get(10, TimeUnit.SECONDS);
                assertThat(noted(s, i + 1).cues()).as("answer %d in the usual voice", i + 1).isEmpty();
            }
            TurnRecord last = s.respond(spoken(ANSWERS.get(3), rate, pitch, amplitude), t -> { }).get(10, TimeUnit.SECONDS);
            System.out.println("rate " + rate + " pitch " + pitch + " amplitude " + amplitude + ": " + noted(s, 4));
            return last;
        }
    }

    private static List<String> cues(TurnRecord r) {
        return r.signalsUsed().stream().filter(Signal.ProsodyNoted.class::isInstance).map(Signal.ProsodyNoted.class::cast)
                .flatMap(n -> n.cues().stream()).toList();
    }

    private static Signal.ProsodyNoted noted(Session s, int turn) {
        return s.state().signals().stream().filter(x -> x instanceof Signal.ProsodyNoted n && n.turn() == turn)
                .map(Signal.ProsodyNoted.class::cast).findFirst().orElseThrow(() -> new AssertionError("no prosody for turn " + turn));
    }

    private static Utterance spoken(String text, int rate, int pitch, int amplitude) {
        return new Utterance(text, Optional.empty(), System.nanoTime(), Optional.of(read(text, Speech.synthesise(text, "en-us", rate, pitch, amplitude))));
    }

    /** As the server reads a turn: voice activity frame by frame, the rate from the recognised words (here, the text's). */
    private static Prosody.Summary read(String text, short[] audio) {
        VoiceActivityDetector.Stream vad = SileroVad.create().open();
        Prosody p = new Prosody();
        for (int i = 0; i + 512 <= audio.length; i += 512) {
            p.frame(audio, i, 512, vad.speechProbability(audio, i) >= 0.5f);
        }
        List<Word> words = Arrays.stream(text.split("\\s+")).map(w -> Word.ofMillis(w, 0, 0)).toList();
        return p.summary(words);
    }

    private static TalkHarness harness() {
        ScriptedModel model = ScriptedModel.replying("Tell me more about that.");
        return TalkHarness.builder().model(model).fallback(model).monitors(List.of(new ProsodyMonitor())).build();
    }

    private static Briefing briefing() {
        return new Briefing("Learn how people work.", "en", List.of("en"), Duration.ofMinutes(20),
                List.of(new Objective("work", "Work", "How they work", 5, 1.0,
                        List.of("How do you start your day?", "What do you use at work?", "Who do you work with?",
                                "What changed lately?", "What would you change?"), List.of(), List.of("work"))),
                Map.of(), List.of(), List.of(), "Hi, thanks for joining.");
    }
}
