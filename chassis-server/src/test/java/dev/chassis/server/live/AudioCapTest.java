package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The setting of how much audio a voice session keeps: a length, off, two hours when unset, and a clear error otherwise. */
class AudioCapTest {

    private static AudioCap of(Map<String, String> settings) {
        return AudioCap.configured(settings::get);
    }

    @Test
    void lengths_off_and_the_default() {
        assertThat(of(Map.of()).cap()).contains(Duration.ofHours(2));
        assertThat(of(Map.of("CHASSIS_VOICE_AUDIO_CAP", "90m")).cap()).contains(Duration.ofMinutes(90));
        assertThat(of(Map.of("CHASSIS_VOICE_AUDIO_CAP", " 30S ")).cap()).contains(Duration.ofSeconds(30));
        assertThat(of(Map.of("CHASSIS_VOICE_AUDIO_CAP", "off")).cap()).isEmpty();
        assertThat(of(Map.of("chassis.voice.audio.cap", "3h", "CHASSIS_VOICE_AUDIO_CAP", "off")).cap()).as("the JVM property first")
                .contains(Duration.ofHours(3));
        assertThat(new AudioCap(Optional.of(Duration.ofMinutes(90))).said()).isEqualTo("90 min");
    }

    @Test
    void anything_else_is_an_error_naming_the_setting_and_what_it_takes() {
        for (String bad : new String[] {"2 hours", "0s", "-5m", "1d", "lots"}) {
            assertThatThrownBy(() -> of(Map.of("CHASSIS_VOICE_AUDIO_CAP", bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("CHASSIS_VOICE_AUDIO_CAP is '" + bad + "': set it to a length such as 2h, 90m or 30s");
        }
    }
}
