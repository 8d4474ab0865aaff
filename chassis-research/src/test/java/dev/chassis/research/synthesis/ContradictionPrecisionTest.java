package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
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
 * Precision of the report's contradiction finder on the 250 real interviews, held by judgments made by
 * reading each flag (test resources: contradictions/real-interviews-judged.csv, with a note per flag).
 * Every flag the finder raises must have been judged, and at least 80% of them must be real; the flags
 * judged wrong (31 from an earlier negation rule, since removed) must not come back.
 */
class ContradictionPrecisionTest {

    private static Map<String, CSVRecord> judged() throws IOException {
        try (var in = ContradictionPrecisionTest.class.getResourceAsStream("/contradictions/real-interviews-judged.csv")) {
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
            Map<String, CSVRecord> out = new HashMap<>();
            rows.forEach(r -> out.put(r.get("session") + "#" + r.get("earlier_turn") + "-" + r.get("later_turn"), r));
            return out;
        }
    }

    @Test
    void every_flag_on_the_real_interviews_was_judged_and_most_are_real() throws IOException {
        var dir = Fixtures.sharedInterviews();
        assumeTrue(dir.isPresent(), "shared/data/interviews not found (system property chassis.shared.dir); skipping contradiction precision");
        List<Transcript> all = TranscriptFiles.load(dir.get());
        Map<String, CSVRecord> judged = judged();

        List<String> unjudged = new ArrayList<>();
        int real = 0;
        int flags = 0;
        for (List<Contradiction> list : ContradictionFinder.find(all).values()) {
            for (Contradiction c : list) {
                flags++;
                CSVRecord j = judged.get(c.session() + "#" + c.earlier().turn() + "-" + c.later().turn());
                if (j == null) {
                    unjudged.add(c.session() + " " + c.earlier().citation() + " / " + c.later().citation() + ": " + c.reason());
                } else if (j.get("verdict").equals("yes")) {
                    real++;
                }
            }
        }

        assertThat(unjudged).as("flags nobody has judged yet: read them and add each to contradictions/real-interviews-judged.csv").isEmpty();
        assertThat(flags == 0 ? 1.0 : (double) real / flags).as("precision over %d flags", flags).isGreaterThanOrEqualTo(0.8);
        assertThat(judged.values().stream().filter(r -> r.get("verdict").equals("no")).count()).isEqualTo(31);
    }
}
