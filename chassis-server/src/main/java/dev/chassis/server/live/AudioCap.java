package dev.chassis.server.live;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a voice session's audio the server keeps: up to {@code cap} of the participant's microphone and as much of
 * the interviewer's voice, per session; none when off. Set by {@value #SETTING} (or the JVM property
 * {@code chassis.voice.audio.cap}): a length such as {@code 2h}, {@code 90m} or {@code 30s}, or {@code off}; two hours
 * when unset.
 *
 * @param cap how much of each track is kept; empty when no audio is kept
 */
record AudioCap(Optional<Duration> cap) {

    static final String SETTING = "CHASSIS_VOICE_AUDIO_CAP";
    static final Duration DEFAULT = Duration.ofHours(2);
    private static final Pattern LENGTH = Pattern.compile("(\\d{1,6})\\s*(h|m|s)");

    /**
     * The cap as configured.
     *
     * @throws IllegalArgumentException naming the setting and what it takes, when its value is not one
     */
    static AudioCap configured(UnaryOperator<String> settings) {
        String v = Optional.ofNullable(settings.apply("chassis.voice.audio.cap")).orElse(settings.apply(SETTING));
        if (v == null || v.isBlank()) {
            return new AudioCap(Optional.of(DEFAULT));
        }
        String value = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("off") || value.equals("0")) {
            return new AudioCap(Optional.empty());
        }
        Matcher m = LENGTH.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(SETTING + " is '" + dev.chassis.core.input.Ids.printable(v) + "': set it to a length such "
                    + "as 2h, 90m or 30s (how much audio of a voice session is kept), or to off to keep none");
        }
        long n = Long.parseLong(m.group(1));
        return new AudioCap(Optional.of(switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        }));
    }

    /** The cap as said to a person. */
    String said() {
        return cap.map(d -> d.toSeconds() % 3600 == 0 ? d.toHours() + " h" : d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s")
                .orElse("off");
    }
}
