package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.models.offline.OfflineModel;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.conduct.SessionConductor;
import dev.chassis.research.ops.conduct.SessionEvents;
import dev.chassis.research.ops.workflow.RunInfo;
import dev.chassis.research.ops.workflow.RunProgress;
import dev.chassis.research.ops.workflow.RunStore;
import dev.chassis.research.ops.workflow.RunWaiting;
import dev.chassis.research.ops.workflow.StudyRun;
import dev.chassis.research.ops.workflow.StudyRuns;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study runs keep nothing but their journal: what a run is and where it got to are read from it. */
class StudyRunsTest {

    @TempDir
    Path dir;
    private final List<Transcript> recorded = Fixtures.exampleTranscripts();
    private final AtomicInteger conducted = new AtomicInteger();
    private final SessionConductor replay = (s, events) -> {
        conducted.incrementAndGet();
        Transcript t = recorded.get((Integer.parseInt(s.id().substring(2)) - 1) % recorded.size());
        return new Transcript(s.id(), t.participant(), t.language(), t.turns(), t.marks());
    };
    private Path study;
    private RunStore store;
    private StudyRuns runs;

    @BeforeEach
    void study() throws IOException {
        Files.copy(Fixtures.repo().resolve("examples/study-onboarding/pool.csv"), dir.resolve("pool.csv"));
        Files.copy(Fixtures.repo().resolve("examples/guides/onboarding-en.yaml"), dir.resolve("guide.yaml"));
        study = Files.writeString(dir.resolve("study.yaml"), """
                study: onboarding
                title: Onboarding research
                guide: guide.yaml
                pool: pool.csv
                sessions: 3
                screener:
                  require: [{field: uses_product, equals: "yes"}]
                schedule: {timezone: Europe/Berlin, start: 2025-03-03, days: 5, hours: "08:00-20:00", link: "https://x.example/{session}"}
                """);
        store = new RunStore(dir.resolve("runs"));
        runs = new StudyRuns(store, OfflineModel.create(), setup -> replay, 2);
    }

    private StudyRuns.Request request(String id) {
        return new StudyRuns.Request(id, study, "offline", 7, Optional.of("s-01"), Instant.parse("2025-02-20T10:00:00Z"));
    }

    @Test
    void a_created_run_is_known_by_its_journal_and_a_finished_one_is_over() throws Exception {
        RunInfo created = runs.create(request("r1"));
        assertThat(created).isEqualTo(new RunInfo("r1", "study", study.toAbsolutePath().normalize().toString(), "offline", 7,
                Instant.parse("2025-02-20T10:00:00Z"), RunInfo.Status.RUNNING, "", Optional.of("s-01")));

        StudyRun.Outcome done = runs.resume("r1", RunProgress.NONE, SessionEvents.NONE);

        RunInfo info = store.find("r1");
        assertThat(info.status()).isEqualTo(RunInfo.Status.DONE);
        assertThat(info.detail()).isEqualTo(done.report().html().toString());
        assertThat(dir.resolve("runs/r1/run.json")).doesNotExist();
        assertThat(conducted).hasValue(3);
        assertThatThrownBy(() -> runs.resume("r1", RunProgress.NONE, SessionEvents.NONE))
                .hasMessage("run r1 is done; there is nothing to continue");
        assertThat(Files.readAllLines(dir.resolve("runs/r1/invites/sent.log"))).containsExactly("s-01", "s-02", "s-03");
        assertThat(store.list()).extracting(RunInfo::id).containsExactly("r1");
    }

    @Test
    void a_live_run_waits_in_its_journal_resumes_once_transcripts_arrive_and_can_be_rejected() throws Exception {
        Files.writeString(study, Files.readString(study) + "conduct: live\n");
        RunWaiting waiting = catchWaiting(() -> runs.start(request("live"), RunProgress.NONE, SessionEvents.NONE));
        assertThat(waiting.sessions()).containsExactly("s-01", "s-02", "s-03");
        assertThat(store.find("live").status()).isEqualTo(RunInfo.Status.WAITING);
        assertThat(store.find("live").detail()).isEqualTo("waiting for 3 live session(s) to take place");

        for (Transcript t : recorded.subList(0, 2)) {
            String id = "s-0" + (recorded.indexOf(t) + 1);
            Files.writeString(Files.createDirectories(dir.resolve("runs/live/inbox")).resolve(id + ".json"),
                    TranscriptFiles.toJson(new Transcript(id, t.participant(), t.language(), t.turns(), t.marks())));
        }
        assertThat(catchWaiting(() -> runs.resume("live", RunProgress.NONE, SessionEvents.NONE)).sessions()).containsExactly("s-03");
        assertThat(Files.readAllLines(dir.resolve("runs/live/invites/sent.log"))).as("invites sent once").hasSize(3);

        RunInfo rejected = runs.reject("live", "the researcher", "not enough people");
        assertThat(rejected.status()).isEqualTo(RunInfo.Status.REJECTED);
        assertThat(rejected.detail()).contains("rejected by the researcher (not enough people)");
        assertThatThrownBy(() -> runs.resume("live", RunProgress.NONE, SessionEvents.NONE)).hasMessageContaining("is rejected");
    }

    @Test
    void a_run_killed_before_its_start_was_journaled_is_no_run_and_says_so() throws IOException {
        Files.createDirectories(dir.resolve("runs/cut/journal"));
        Files.createFile(dir.resolve("runs/cut/journal/ops-1.jsonl"));   // created, 0 bytes: killed before the first entry
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.find("cut")).hasMessageContaining("run 'cut' was stopped before it started");
        assertThatThrownBy(() -> store.find("none")).hasMessageContaining("no run 'none' in ");
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static RunWaiting catchWaiting(Body body) throws Exception {
        try {
            body.run();
        } catch (RunWaiting w) {
            return w;
        }
        throw new AssertionError("the run did not wait");
    }
}
