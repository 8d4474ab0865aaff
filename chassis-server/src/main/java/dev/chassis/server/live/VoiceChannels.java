package dev.chassis.server.live;

import dev.chassis.talk.voice.SpeechException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speech engines of the server's two voice channels, the browser's voice interviews and telephone calls: each made
 * as configured on first use and kept, one set shared when both name the same engines. Thread-safe.
 */
final class VoiceChannels {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceChannels.class);
    /** The speech engines' settings ({@link VoiceEngines#configured}): a JVM system property of the name, else the environment variable. */
    private static final UnaryOperator<String> SETTINGS = name -> System.getProperty(name, System.getenv(name));

    private final Map<Boolean, VoiceEngines> byPhone = new HashMap<>();

    /**
     * The speech engines for the browser's voice interviews or for telephone calls, as configured, started on first use and
     * kept (shared when both name the same engines).
     *
     * @throws SpeechException when they are not installed (said to the participant, who types)
     * @throws IllegalArgumentException naming the setting, when it names no engine or lacks its key
     */
    synchronized VoiceEngines engines(boolean phone) {
        VoiceEngines e = byPhone.get(phone);
        if (e == null) {
            VoiceEngines other = byPhone.get(!phone);
            boolean same = VoiceEngines.Names.of(SETTINGS, phone).sameEngines(VoiceEngines.Names.of(SETTINGS, !phone));
            e = other != null && same ? other : VoiceEngines.configured(SETTINGS, phone);
            byPhone.put(phone, e);
            LOG.info("{}: {} recognises, {} speaks", phone ? "telephone calls" : "voice interviews", e.stt().name(), e.tts().name());
        }
        return e;
    }

    /**
     * Starts the browser channel's speech engines and runs the voice path once ({@link VoiceWarmUp}): no interview, session
     * or file is touched.
     *
     * @return whether it ran through; false when the engines are not installed (nothing to warm), are cloud services (a
     *     warm-up makes no request to them) or a step did not happen
     */
    boolean warmUp() throws InterruptedException {
        VoiceEngines engines;
        try {
            engines = engines(false);
        } catch (SpeechException | IllegalArgumentException e) {
            return false;   // said when the first participant speaks
        }
        if (!engines.local()) {
            LOG.info("voice path not warmed up: {} and {} are cloud services, and a warm-up sends them nothing", engines.stt().name(),
                    engines.tts().name());
            return false;
        }
        return VoiceWarmUp.run(engines);
    }
}
