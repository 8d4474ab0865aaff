package dev.chassis.server.study;

import dev.chassis.research.guide.Guide;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.report.ReportInput;
import dev.chassis.research.report.ReportWriter;
import dev.chassis.research.report.SessionFlag;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.server.http.ApiException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A study's report from its completed sessions: synthesis over the guide's objectives (offline,
 * extractive themes whose quotes are verbatim), quality flags, then the research application's HTML and
 * Markdown report, written into the study's {@code report/} folder. Stateless.
 */
public final class StudyReports {

    private StudyReports() {
    }

    /**
     * Writes the report.
     *
     * @throws ApiException 409 when no session of the study has completed yet
     */
    public static ReportWriter.Written write(StudyInfo study, Guide guide, List<Transcript> completed, Path dir) {
        if (completed.isEmpty()) {
            throw ApiException.conflict("study '" + study.id() + "' has no completed sessions yet; a report needs at least one");
        }
        Map<String, List<QualityFlag>> flags = StudyQuality.flags(completed);
        List<QualityFlag> all = flags.values().stream().flatMap(List::stream).toList();
        Map<String, String> excluded = QualityFlag.exclusions(all);
        if (excluded.size() == completed.size()) {
            excluded = Map.of();   // a report of nothing helps no one: with every session flagged, all are shown and the flags say why
        }
        Synthesis synthesis = Synthesizer.builder().guide(guide).build().synthesize(completed, excluded);
        List<SessionFlag> shown = new ArrayList<>();
        all.forEach(f -> shown.add(new SessionFlag(f.session(), f.kind().label(), f.reasons())));
        List<String> context = List.of("Study " + study.id() + " (" + study.source() + ")",
                completed.size() + " completed session(s), interviewed live through chassis serve");
        return ReportWriter.write(new ReportInput(study.title(), context, synthesis, shown), dir);
    }
}
