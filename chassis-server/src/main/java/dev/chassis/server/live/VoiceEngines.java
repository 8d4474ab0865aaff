package dev.chassis.server.live;

import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.voice.offline.EspeakNg;
import dev.chassis.voice.offline.PocketSphinx;
import dev.chassis.voice.offline.SileroVad;
import java.util.function.Supplier;

/**
 * The speech engines a voice interview runs on: voice activity, recognition, synthesis, and a new end-of-turn detector
 * for each person (it learns how they pause).
 *
 * @param vad         tells speech from silence, shared
 * @param stt         recognises each spoken turn, shared
 * @param tts         speaks the replies, shared
 * @param endOfTurn   makes one detector per person
 */
public record VoiceEngines(VoiceActivityDetector vad, SpeechToText stt, TextToSpeech tts, Supplier<EndOfTurnDetector> endOfTurn) {

    /**
     * The offline engines, which run on a fresh Debian machine: Silero VAD, pocketsphinx (English), espeak-ng.
     *
     * @throws dev.chassis.talk.voice.SpeechException when one is not installed
     */
    public static VoiceEngines offline() {
        return new VoiceEngines(SileroVad.create(), PocketSphinx.create(), EspeakNg.create(), EndOfTurnDetector::adaptive);
    }
}
