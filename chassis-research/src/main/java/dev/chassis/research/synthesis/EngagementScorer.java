package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Engagement per participant turn. A live session's engagement marks are used where present; otherwise
 * a turn scores its length in words against the study's 75th percentile answer (capped at 1), so a
 * study of terse people is not all "disengaged". Stateless and deterministic.
 */
final class EngagementScorer {

    private EngagementScorer() {
    }

    static List<EngagementSeries> score(List<Transcript> transcripts) {
        int[] lengths = transcripts.stream().flatMap(t -> t.participantTurns().stream()).mapToInt(EngagementScorer::words).sorted().toArray();
        double reference = Math.max(12, lengths.length == 0 ? 12 : lengths[(int) Math.floor(0.75 * (lengths.length - 1))]);
        List<EngagementSeries> out = new ArrayList<>();
        for (Transcript t : transcripts) {
            Map<Integer, Double> marked = new HashMap<>();
            for (Mark m : t.marks(Mark.ENGAGEMENT)) {
                m.value().ifPresent(v -> marked.put(m.turn(), v));
            }
            List<EngagementSeries.Point> points = new ArrayList<>();
            for (Turn turn : t.participantTurns()) {
                double value = marked.containsKey(turn.number()) ? marked.get(turn.number())
                        : Math.min(1.0, words(turn) / reference);
                double minute = turn.at().map(d -> d.toMillis() / 60_000.0).orElse(-1.0);
                points.add(new EngagementSeries.Point(turn.number(), minute, Math.round(value * 1000) / 1000.0));
            }
            out.add(new EngagementSeries(t.id(), points));
        }
        return out;
    }

    static int words(Turn turn) {
        String s = turn.text().strip();
        return s.isEmpty() ? 0 : (int) Arrays.stream(s.split("\\s+")).count();
    }
}
