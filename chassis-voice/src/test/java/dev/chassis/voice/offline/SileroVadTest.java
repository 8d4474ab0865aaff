package dev.chassis.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.voice.VoiceActivityDetector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SileroVadTest {

    private static double meanProbability(short[] audio) {
        VoiceActivityDetector vad = SileroVad.create();
        VoiceActivityDetector.Stream s = vad.open();
        double sum = 0;
        int n = 0;
        for (int i = 0; i + 512 <= audio.length; i += 512) {
            sum += s.speechProbability(audio, i);
            n++;
        }
        return sum / n;
    }

    @Test
    void speech_is_told_from_silence_and_noise() throws Exception {
        short[] speech = OfflineEnginesTest.speak("I started using it last spring and then my whole team joined me.", "en");
        short[] silence = new short[16_000];
        short[] noise = new short[16_000];
        Random r = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (r.nextGaussian() * 800);
        }
        assertThat(meanProbability(speech)).isGreaterThan(0.6);
        assertThat(meanProbability(silence)).isLessThan(0.05);
        assertThat(meanProbability(noise)).isLessThan(0.2);
    }

    @Test
    void speech_in_other_languages_is_speech_too() throws Exception {
        for (String lang : new String[] {"fr", "de", "es", "ja"}) {
            short[] speech = OfflineEnginesTest.speak("Bonjour, je travaille ici depuis trois ans avec mon équipe.", lang);
            assertThat(meanProbability(speech)).as(lang).isGreaterThan(0.6);
        }
    }
}
