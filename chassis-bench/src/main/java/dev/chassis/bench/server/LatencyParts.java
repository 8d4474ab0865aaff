package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.bench.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End of speech → first audio of spoken answers, part by part as the server timed them (the console's voice view) plus
 * what the participant saw: the end-of-turn silence waited, the recogniser's final pass, the harness's turn up to the
 * reply's first sentence, that sentence's synthesis up to its first audio, and the rest (sending, and where in the last
 * piece sent the speech really ended). Not thread-safe: one driver thread.
 */
final class LatencyParts {

    private static final List<String> PARTS = List.of("end-of-turn wait", "recogniser final pass", "harness to first sentence",
            "synthesis to first audio", "send and the rest");
    private final Map<String, List<Long>> parts = new LinkedHashMap<>();

    LatencyParts() {
        PARTS.forEach(p -> parts.put(p, new ArrayList<>()));
    }

    /**
     * Adds one answer: {@code turn} is the server's timing of it ({@code voice.turns[]} of the session's state),
     * {@code totalNanos} what the participant measured.
     *
     * @return the parts in a line
     */
    String add(JsonNode turn, long totalNanos) {
        double waited = turn.path("waitedMs").asDouble();
        double[] ms = {waited, turn.path("recognisedMs").asDouble() - waited, turn.path("harnessMs").asDouble(),
                turn.path("synthesisMs").asDouble(), totalNanos / 1e6 - turn.path("firstAudioMs").asDouble()};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < PARTS.size(); i++) {
            parts.get(PARTS.get(i)).add(Math.round(ms[i] * 1e6));
            line.append(i == 0 ? "" : " + ").append(String.format("%.0f", ms[i]));
        }
        return line.toString();
    }

    /** What the end-of-turn detector weighed at the pause that ended {@code turn}, in a line ({@code voice.turns[].endOfTurn}). */
    static String endOfTurn(JsonNode turn) {
        JsonNode e = turn.path("endOfTurn");
        if (e.isMissingNode() || e.isNull()) {
            return "";
        }
        return String.format("end of turn: needs %d ms: base %d ms x words %s %.2f x pitch %s %.2f, at least %d ms (p90 %d ms of %d pauses learned + margin)",
                e.path("neededMs").asLong(), e.path("baseMs").asLong(), e.path("words").asText(), e.path("wordsFactor").asDouble(),
                e.path("pitch").asText(), e.path("pitchFactor").asDouble(), e.path("atLeastMs").asLong(), e.path("learnedP90Ms").asLong(),
                e.path("learned").asInt());
    }

    /** Each part's p50 and p90, a line each. */
    String summary(String indent) {
        StringBuilder out = new StringBuilder();
        parts.forEach((name, values) -> {
            Percentiles p = new Percentiles(values);
            out.append(String.format("%s%-27s p50 %5.0f ms  p90 %5.0f ms%n", indent, name, p.percentileMillis(50), p.percentileMillis(90)));
        });
        return out.toString();
    }
}
