package dev.chassis.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeechEnginesTest {

    private final SpeechEngines engines = SpeechEngines.from(Map.of("OPENAI_API_KEY", "k1", "DEEPGRAM_API_KEY", "k2",
            "ELEVENLABS_API_KEY", "k3", "DEEPGRAM_BASE_URL", "http://127.0.0.1:9"));

    @Test
    void engines_are_named_as_configured() {
        assertThat(engines.recogniser("pocketsphinx").name()).isEqualTo("pocketsphinx");
        assertThat(engines.recogniser("openai:whisper-1").name()).isEqualTo("openai:whisper-1");
        assertThat(engines.recogniser("deepgram:nova-3").name()).isEqualTo("deepgram:nova-3");
        assertThat(engines.synthesiser("espeak-ng").name()).isEqualTo("espeak-ng");
        assertThat(engines.synthesiser("openai:gpt-4o-mini-tts#alloy").name()).isEqualTo("openai:gpt-4o-mini-tts#alloy");
        assertThat(engines.synthesiser("elevenlabs:abc#eleven_flash_v2_5").name()).isEqualTo("elevenlabs:abc#eleven_flash_v2_5");
    }

    @Test
    void a_bad_name_or_a_missing_key_says_what_to_do() {
        assertThatThrownBy(() -> engines.recogniser("whisper")).hasMessage(
                "unknown speech recogniser 'whisper'; use pocketsphinx, openai:<model> (whisper-1, gpt-4o-transcribe) or deepgram:<model> (nova-3)");
        assertThatThrownBy(() -> engines.synthesiser("openai:tts-1")).hasMessageStartingWith("unknown speech synthesiser 'openai:tts-1'; use espeak-ng");
        assertThatThrownBy(() -> SpeechEngines.from(Map.of()).recogniser("deepgram:nova-3"))
                .hasMessage("DEEPGRAM_API_KEY is not set; set it in the environment to use deepgram speech");
    }
}
