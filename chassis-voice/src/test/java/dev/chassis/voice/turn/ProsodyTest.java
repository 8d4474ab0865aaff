package dev.chassis.voice.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.SileroVad;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prosody read from synthesised speech whose pitch, loudness and pace were set when it was spoken. */
class ProsodyTest {

    private static final String SENTENCE = "We used the new system every day for three months before the change.";

    @BeforeAll
    static void synthesiser() {
        assumeTrue(Speech.canSynthesise(), "espeak-ng is not installed (Debian: apt-get install espeak-ng); skipping");
    }

    static Prosody.Summary read(short[] audio) {
        VoiceActivityDetector.Stream vad = SileroVad.create().open();
        Prosody p = new Prosody();
        for (int i = 0; i + 512 <= audio.length; i += 512) {
            p.frame(audio, i, 512, vad.speechProbability(audio, i) >= 0.5f);
        }
        return p.summary(List.of());
    }

    private static short[] scaled(short[] a, double gain) {
        short[] out = new short[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (short) Math.round(a[i] * gain);
        }
        return out;
    }

    @Test
    void a_higher_voice_reads_as_a_higher_pitch() {
        Prosody.Summary low = read(Speech.synthesise(SENTENCE, "en-us", 160, 25));
        Prosody.Summary high = read(Speech.synthesise(SENTENCE, "en-us", 160, 75));
        System.out.println("pitch " + low + " / " + high);
        assertThat(low.pitchHz()).isBetween(70.0, 200.0);
        assertThat(high.pitchHz()).isGreaterThan(low.pitchHz() * 1.25);
    }

    @Test
    void a_quieter_voice_reads_as_less_energy_by_the_decibels_it_lost() {
        short[] audio = Speech.synthesise(SENTENCE, "en-us", 160, 50);
        Prosody.Summary loud = read(audio);
        Prosody.Summary quiet = read(scaled(audio, 0.25));   // 12 dB down
        System.out.println("energy " + loud + " / " + quiet);
        assertThat(loud.energyDb() - quiet.energyDb()).isBetween(10.5, 13.5);
    }

    @Test
    void a_faster_speaker_reads_as_a_faster_rate() {
        Prosody.Summary slow = read(Speech.synthesise(SENTENCE, "en-us", 110, 50));
        Prosody.Summary fast = read(Speech.synthesise(SENTENCE, "en-us", 220, 50));
        System.out.println("rate " + slow + " / " + fast);
        assertThat(fast.rate()).isGreaterThan(slow.rate() * 1.4);
        assertThat(fast.speech()).isLessThan(slow.speech());
    }

    @Test
    void a_statement_falls_at_the_end_and_a_broken_off_phrase_does_not() {
        Prosody.Ending statement = read(Speech.synthesise("I have worked there for three years.", "en-us", 160, 50)).ending();
        Prosody.Ending broken = read(Speech.synthesise("I have worked there for three years, and", "en-us", 160, 50)).ending();
        Prosody.Ending question = read(Speech.synthesise("Have you worked there for three years?", "en-us", 160, 50)).ending();
        System.out.println("endings " + statement + " " + broken + " " + question);
        assertThat(statement).isEqualTo(Prosody.Ending.FALLING);
        assertThat(broken).isNotEqualTo(Prosody.Ending.FALLING);
    }
}
