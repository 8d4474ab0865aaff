package dev.chassis.server.study;

import dev.chassis.research.ops.quality.QualityCheck;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.quality.QualityRules;
import dev.chassis.research.synthesis.EngagementSeries;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quality flags for a study's sessions (low engagement, low effort, likely fraud), by the research
 * application's {@link QualityCheck} with default thresholds. Engagement comes from the live
 * sessions' own engagement marks, so no synthesis is needed to flag a session. Stateless.
 */
public final class StudyQuality {

    private StudyQuality() {
    }

    /** Flags per session id; sessions without concerns are absent. */
    public static Map<String, List<QualityFlag>> flags(List<Transcript> transcripts) {
        List<EngagementSeries> engagement = new ArrayList<>();
        for (Transcript t : transcripts) {
            List<EngagementSeries.Point> points = new ArrayList<>();
            for (Mark m : t.marks(Mark.ENGAGEMENT)) {
                double minute = t.turn(m.turn()).flatMap(Turn::at).map(d -> d.toMillis() / 60_000.0).orElse(-1.0);
                m.value().ifPresent(v -> points.add(new EngagementSeries.Point(m.turn(), minute, v)));
            }
            engagement.add(new EngagementSeries(t.id(), points));
        }
        Map<String, List<QualityFlag>> out = new LinkedHashMap<>();
        for (QualityFlag f : new QualityCheck(QualityRules.DEFAULTS).assess(transcripts, engagement)) {
            out.computeIfAbsent(f.session(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }
}
