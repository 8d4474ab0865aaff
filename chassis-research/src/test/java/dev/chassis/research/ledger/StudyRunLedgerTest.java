package dev.chassis.research.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.interview.InterviewerSessions;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.workflow.RunProgress;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.StudyRuns;
import dev.chassis.testkit.ledger.LedgerFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study run's interviews keep the ledger: a participant who declines to talk about how her team set
 * the app up is asked on (and declines again) without it, and is not with the example ledger, named by
 * the run or by the guide's {@code ledger:} key.
 */
class StudyRunLedgerTest {

    static final String REFUSER = LedgerFixtures.soreSubjectRefuser();
    static final String SORE_SUBJECT = """
            title: Asked on after the participant said the topic was a sore subject
            harness: talk
            at: 2026-12-01T09:00:00Z
            flaggedBy: researcher
            evidence:
              source: session-3
              where: turn 1
              input: "How we set it up is a sore subject for me, to be honest."
              output: Thanks. What was the first thing you tried to do with it?
            mistake:
              kind: directive-is
              pattern: ask
            fixes:
            - !<steering-rule>
              when: answer~(?i)sore subject
              then: move-on
              reason: "Leave a sore subject: move to the next topic"
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void study() throws IOException {
        Files.copy(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.writeString(dir.resolve("persona.yaml"), REFUSER);
        Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding research
                guide: guide.yaml
                pool: pool.csv
                sessions: 1
                personas: [persona.yaml]
                screener:
                  require: [{field: uses_product, equals: "yes"}]
                schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 5, hours: "08:00-20:00"}
                """);
    }

    @Test
    void the_interviews_of_a_run_keep_the_ledger_it_was_given_or_the_guides() throws Exception {
        Path guide = Fixtures.repo().resolve("examples/guides/onboarding-en.yaml");
        Files.copy(guide, dir.resolve("guide.yaml"));
        // a reluctance the built-in refusal reading does not take as a refusal, so only the ledger's rule leaves the topic
        Files.createDirectories(dir.resolve("ledger"));
        Files.writeString(dir.resolve("ledger/pressed-on-a-sore-subject.yaml"), SORE_SUBJECT);
        assertThat(answerAfterRefusal(run("without", Optional.empty()))).as("asked on, she declines again").contains("sore subject");
        assertThat(answerAfterRefusal(run("with", Optional.of(dir.resolve("ledger"))))).doesNotContain("sore subject");

        Files.writeString(dir.resolve("guide.yaml"), Files.readString(guide) + "\nledger: ledger\n");
        assertThat(answerAfterRefusal(run("by-guide", Optional.empty()))).doesNotContain("sore subject");
    }

    @Test
    void a_run_given_a_ledger_keeps_it_when_resumed_without_one() throws Exception {
        Files.copy(Fixtures.repo().resolve("examples/guides/onboarding-en.yaml"), dir.resolve("guide.yaml"));
        Files.createDirectories(dir.resolve("ledger"));
        Files.writeString(dir.resolve("ledger/pressed-on-a-sore-subject.yaml"), SORE_SUBJECT);
        // created with the ledger and killed before its first step; resumed by runs that are given none
        runs(Optional.of(dir.resolve("ledger"))).create(new StudyRuns.Request("killed", dir.resolve("study.yaml"), "offline", 7,
                Optional.empty(), Instant.parse("2025-02-20T10:00:00Z")));
        runs(Optional.empty()).resume("killed", RunProgress.NONE, SessionEvents.NONE);
        assertThat(answerAfterRefusal(dir.resolve("runs/killed/transcripts/s-01.json"))).doesNotContain("sore subject");
    }

    private StudyRuns runs(Optional<Path> ledger) {
        return new StudyRuns(new RunStore(dir.resolve("runs")), OfflineModel.builder().pacing(Pacing.INSTANT).build(),
                setup -> new InterviewerSessions().conductor(setup), 1).withLedger(ledger);
    }

    private Path run(String id, Optional<Path> ledger) throws InterruptedException {
        runs(ledger).start(new StudyRuns.Request(id, dir.resolve("study.yaml"), "offline", 7, Optional.empty(), Instant.parse("2025-02-20T10:00:00Z")),
                RunProgress.NONE, SessionEvents.NONE);
        return dir.resolve("runs").resolve(id).resolve("transcripts/s-01.json");
    }

    /** What the participant answered to the interviewer's next question after she first declined. */
    static String answerAfterRefusal(Path transcript) throws IOException {
        JsonNode turns = JSON.readTree(transcript.toFile()).path("turns");
        for (int i = 0; i + 2 < turns.size(); i++) {
            if (turns.get(i).path("speaker").asText().equals("participant") && turns.get(i).path("text").asText().contains("sore subject")) {
                return turns.get(i + 2).path("text").asText();
            }
        }
        throw new AssertionError("the participant never declined in " + transcript + ":\n" + Files.readString(transcript));
    }
}
