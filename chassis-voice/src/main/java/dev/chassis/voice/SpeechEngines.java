package dev.chassis.voice;

import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.voice.cloud.DeepgramStreaming;
import dev.chassis.voice.cloud.ElevenLabsStreaming;
import dev.chassis.voice.cloud.Endpoint;
import dev.chassis.voice.cloud.OpenAiSpeech;
import dev.chassis.voice.cloud.OpenAiTranscription;
import dev.chassis.voice.offline.EspeakNg;
import dev.chassis.voice.offline.PocketSphinx;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Speech engines by name, as a user configures them ({@code --stt}, {@code --tts}):
 * <ul>
 *   <li>recognition: {@code pocketsphinx} (offline, English), {@code openai:whisper-1}, {@code openai:gpt-4o-transcribe},
 *       {@code deepgram:nova-3}</li>
 *   <li>synthesis: {@code espeak-ng} (offline, many languages), {@code openai:gpt-4o-mini-tts#alloy},
 *       {@code elevenlabs:<voice id>#eleven_flash_v2_5}</li>
 * </ul>
 * Keys come from the environment ({@code OPENAI_API_KEY}, {@code DEEPGRAM_API_KEY}, {@code ELEVENLABS_API_KEY}), and
 * base addresses may be overridden ({@code OPENAI_BASE_URL}, {@code DEEPGRAM_BASE_URL}, {@code ELEVENLABS_BASE_URL}).
 * Immutable.
 */
public final class SpeechEngines {

    private final Function<String, String> env;

    private SpeechEngines(Function<String, String> env) {
        this.env = env;
    }

    /** Engines configured from the process environment. */
    public static SpeechEngines fromEnvironment() {
        return new SpeechEngines(System::getenv);
    }

    /** Engines configured by {@code settings}, looked up by the environment variables' names (a server's own settings). */
    public static SpeechEngines from(java.util.function.UnaryOperator<String> settings) {
        return new SpeechEngines(Objects.requireNonNull(settings, "settings"));
    }

    /** Engines configured from {@code env} (tests, embedding applications). */
    public static SpeechEngines from(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return new SpeechEngines(copy::get);
    }

    /**
     * A recogniser by name.
     *
     * @throws IllegalArgumentException naming what is accepted, when the name is not one
     * @throws dev.chassis.talk.voice.SpeechException when the engine cannot start (not installed, no key)
     */
    public SpeechToText recogniser(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.equals("pocketsphinx")) {
            return PocketSphinx.create();
        }
        if (spec.startsWith("openai:") && spec.length() > 7) {
            return OpenAiTranscription.create(endpoint("OPENAI", "https://api.openai.com"), spec.substring(7));
        }
        if (spec.startsWith("deepgram:") && spec.length() > 9) {
            return DeepgramStreaming.create(endpoint("DEEPGRAM", "https://api.deepgram.com"), spec.substring(9));
        }
        throw new IllegalArgumentException("unknown speech recogniser '" + spec
                + "'; use pocketsphinx, openai:<model> (whisper-1, gpt-4o-transcribe) or deepgram:<model> (nova-3)");
    }

    /**
     * A synthesiser by name.
     *
     * @throws IllegalArgumentException naming what is accepted, when the name is not one
     * @throws dev.chassis.talk.voice.SpeechException when the engine cannot start (not installed, no key)
     */
    public TextToSpeech synthesiser(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.equals("espeak-ng")) {
            return EspeakNg.create();
        }
        String[] modelAndVoice = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1).split("#", 2) : new String[0];
        if (spec.startsWith("openai:") && modelAndVoice.length == 2 && !modelAndVoice[0].isBlank() && !modelAndVoice[1].isBlank()) {
            return OpenAiSpeech.create(endpoint("OPENAI", "https://api.openai.com"), modelAndVoice[0], modelAndVoice[1]);
        }
        if (spec.startsWith("elevenlabs:") && modelAndVoice.length == 2 && !modelAndVoice[0].isBlank() && !modelAndVoice[1].isBlank()) {
            return ElevenLabsStreaming.create(endpoint("ELEVENLABS", "https://api.elevenlabs.io"), modelAndVoice[0], modelAndVoice[1]);
        }
        throw new IllegalArgumentException("unknown speech synthesiser '" + spec
                + "'; use espeak-ng, openai:<model>#<voice> (gpt-4o-mini-tts#alloy) or elevenlabs:<voice id>#<model> (eleven_flash_v2_5)");
    }

    private Endpoint endpoint(String provider, String defaultBase) {
        String key = env.apply(provider + "_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(provider + "_API_KEY is not set; set it in the environment to use " + provider.toLowerCase(java.util.Locale.ROOT) + " speech");
        }
        String base = env.apply(provider + "_BASE_URL");
        return Endpoint.of(base == null || base.isBlank() ? defaultBase : base, key);
    }
}
