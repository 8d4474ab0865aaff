package dev.chassis.server.live;

import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.voice.SpeechEngines;
import dev.chassis.voice.cloud.DeepgramStreaming;
import dev.chassis.voice.offline.SileroVad;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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

    /** The recogniser for every voice interview (a {@link SpeechEngines} name); default {@code pocketsphinx}. */
    public static final String VOICE_STT = "CHASSIS_VOICE_STT";
    /** The synthesiser for every voice interview; default {@code espeak-ng}. */
    public static final String VOICE_TTS = "CHASSIS_VOICE_TTS";
    /** The recogniser for telephone calls; default the voice interviews' one. */
    public static final String PHONE_STT = "CHASSIS_PHONE_STT";
    /** The synthesiser for telephone calls; default the voice interviews' one. */
    public static final String PHONE_TTS = "CHASSIS_PHONE_TTS";

    /**
     * The engines {@code settings} name for the browser's voice interviews or for telephone calls ({@link #VOICE_STT},
     * {@link #PHONE_STT}...; keys and base addresses as {@link SpeechEngines} reads them): recognition and synthesis offline
     * or by a cloud service; voice activity and end of turn always run here. A call's 8 kHz μ-law is brought to the 16 kHz
     * PCM voice activity and the offline recogniser need (a cloud one declares it: a WAV file's header); Deepgram is sent
     * the call's own 8 kHz μ-law ({@code encoding=mulaw&sample_rate=8000}). Whatever rate a synthesiser speaks at is brought
     * to the call's 8 kHz μ-law.
     *
     * @throws IllegalArgumentException naming the setting, when a name is not an engine or its key is missing
     * @throws dev.chassis.talk.voice.SpeechException when an engine cannot start (not installed)
     */
    public static VoiceEngines configured(UnaryOperator<String> settings, boolean phone) {
        Names n = Names.of(settings, phone);
        SpeechEngines engines = SpeechEngines.from(settings);
        SpeechToText stt;
        TextToSpeech tts;
        try {
            stt = engines.recogniser(n.stt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(n.sttSetting() + ": " + e.getMessage(), e);
        }
        try {
            tts = engines.synthesiser(n.tts());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(n.ttsSetting() + ": " + e.getMessage(), e);
        }
        if (phone && stt instanceof DeepgramStreaming deepgram) {
            stt = deepgram.atPhoneRate();   // the call's own 8 kHz mu-law, not 16 kHz made from it
        }
        return new VoiceEngines(SileroVad.create(), stt, tts, EndOfTurnDetector::adaptive);
    }

    /** Whether recognition and synthesis run on this machine (a warm-up may use them: no paid request). */
    public boolean local() {
        return stt.name().equals("pocketsphinx") && tts.name().equals("espeak-ng");
    }

    /**
     * Which engines the settings name for a channel, and which setting named each.
     */
    record Names(String stt, String sttSetting, String tts, String ttsSetting) {
        static Names of(UnaryOperator<String> settings, boolean phone) {
            String[] stt = first(settings, phone ? List.of(PHONE_STT, VOICE_STT) : List.of(VOICE_STT), "pocketsphinx");
            String[] tts = first(settings, phone ? List.of(PHONE_TTS, VOICE_TTS) : List.of(VOICE_TTS), "espeak-ng");
            return new Names(stt[0], stt[1], tts[0], tts[1]);
        }

        /** The first of {@code names} that is set, and its name; else {@code otherwise} and the last name (the general one). */
        private static String[] first(UnaryOperator<String> settings, List<String> names, String otherwise) {
            for (String name : names) {
                String v = settings.apply(name);
                if (v != null && !v.isBlank()) {
                    return new String[] {v.strip(), name};
                }
            }
            return new String[] {otherwise, names.getLast()};
        }

        boolean sameEngines(Names other) {
            return stt.equals(other.stt) && tts.equals(other.tts);
        }
    }
}
