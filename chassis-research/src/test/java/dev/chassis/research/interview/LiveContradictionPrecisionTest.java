package dev.chassis.research.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.monitor.ContradictionMonitor;
import dev.chassis.talk.signal.Signal;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * False alarms of the live interviewer's contradiction monitor (issue 13.6), measured on the 250 real
 * interviews: each participant's answers are read in order as a live session would, with one topic
 * throughout (stricter than live, where claims carry their objective). Every alarm was judged by
 * reading both sentences (contradictions/live-monitor-real-interviews-judged.csv, with a note each);
 * none is a real contradiction. The test fails on an alarm nobody judged, and on more than one false
 * alarm per ten interviews.
 */
class LiveContradictionPrecisionTest {

    @Test
    void alarms_on_the_real_interviews_are_judged_and_at_most_one_false_alarm_in_ten_interviews() throws IOException {
        var dir = Fixtures.sharedInterviews();
        assumeTrue(dir.isPresent(), "shared/data/interviews not found (system property chassis.shared.dir); skipping live contradiction precision");
        Map<String, CSVRecord> judged = judged();
        List<Transcript> all = TranscriptFiles.load(dir.get());
        List<String> unjudged = new ArrayList<>();
        int falseAlarms = 0;
        for (Transcript t : all) {
            List<String> answers = t.turns().stream().filter(x -> x.speaker() == Speaker.PARTICIPANT).map(Turn::text).toList();
            for (Signal.Contradiction c : ContradictionMonitor.over(answers, "en")) {
                CSVRecord j = judged.get(t.id() + "#" + c.earlier().turn() + "-" + c.later().turn());
                if (j == null) {
                    unjudged.add(t.id() + " " + c.earlier().turn() + "-" + c.later().turn() + " " + c.kind() + ": " + c.earlier().quote()
                            + " / " + c.later().quote());
                } else if (j.get("verdict").equals("no")) {
                    falseAlarms++;
                }
            }
        }
        System.out.println("live monitor on " + all.size() + " real interviews: " + falseAlarms + " false alarms among the judged, " + unjudged.size() + " unjudged");
        assertThat(unjudged).as("alarms nobody has judged: read them and add each to contradictions/live-monitor-real-interviews-judged.csv")
                .isEmpty();
        assertThat(falseAlarms * 10.0 / all.size()).as("false alarms per ten interviews (%d in %d)", falseAlarms, all.size())
                .isLessThanOrEqualTo(1.0);
    }

    private static Map<String, CSVRecord> judged() throws IOException {
        try (var in = LiveContradictionPrecisionTest.class.getResourceAsStream("/contradictions/live-monitor-real-interviews-judged.csv")) {
            Map<String, CSVRecord> out = new HashMap<>();
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .forEach(r -> out.put(r.get("session") + "#" + r.get("earlier_turn") + "-" + r.get("later_turn"), r));
            return out;
        }
    }
}
