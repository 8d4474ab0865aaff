package dev.chassis.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash can happen between any two durable appends. Cut an uninterrupted run's journal at every
 * point, with the world as it was at that point, resume, and the end state must equal the
 * uninterrupted run's, every side effect applied exactly once.
 */
class CrashResumeTest {

    static Workflow workflow() {
        OfflinePlan.PlannedCall bump = new OfflinePlan.PlannedCall("bump_counter", "{\"by\": 1}");
        return Workflow.builder("side-effects")
                .then("one", s -> s.instruction("bump twice").tools("bump_counter").offline(new OfflinePlan.Calls(List.of(bump, bump), "")))
                .then("two", s -> s.instruction("bump once").tools("bump_counter").offline(new OfflinePlan.Calls(List.of(bump), "")))
                .then("three", s -> s.instruction("bump three times").tools("bump_counter")
                        .offline(new OfflinePlan.Calls(List.of(bump, bump, bump), "{\"done\": \"${call.2}\"}")))
                .build();
    }

    @Test
    void a_run_cut_at_any_append_resumes_to_the_same_end_with_every_side_effect_once(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference.json");
        InMemoryJournal full = new InMemoryJournal();
        RunOutcome expected = harness(full, reference).start(workflow(), WorkFixtures.json("{}"), "run");
        assertThat(expected.succeeded()).isTrue();
        WorkFixtures.Counter expectedCounter = WorkFixtures.Counter.read(reference);
        assertThat(expectedCounter.count()).isEqualTo(6);

        List<JournalEntry> entries = full.read("run");
        for (int cut = 1; cut < entries.size(); cut++) {
            for (boolean toolRanBeforeCrash : new boolean[] {false, true}) {
                RunEvent last = RunEvent.CODEC.decode(entries.get(cut - 1));
                if (toolRanBeforeCrash && !(last instanceof RunEvent.ToolStarted)) {
                    continue; // only a call that was started can have run without its result being recorded
                }
                Path counter = dir.resolve("counter-" + cut + "-" + toolRanBeforeCrash + ".json");
                world(entries.subList(0, cut), toolRanBeforeCrash ? last.key() : null, counter);
                InMemoryJournal crashed = new InMemoryJournal();
                crashed.append("run", entries.subList(0, cut));

                RunOutcome resumed = harness(crashed, counter).resume("run");

                assertThat(resumed.outputs()).as("outputs after a crash at entry %d", cut).isEqualTo(expected.outputs());
                WorkFixtures.Counter c = WorkFixtures.Counter.read(counter);
                assertThat(c.count()).as("counter after a crash at entry %d", cut).isEqualTo(6);
                assertThat(c.keys()).as("side effects after a crash at entry %d", cut).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(expectedCounter.keys());
            }
        }
    }

    private static WorkHarness harness(InMemoryJournal journal, Path counter) {
        return WorkHarness.builder().model(WorkFixtures.offline()).tools(WorkFixtures.counter(counter)).journal(journal)
                .workflow(workflow()).build();
    }

    /** The counter as it was when the process died: every recorded call applied, and maybe the one in flight. */
    private static void world(List<JournalEntry> kept, String inFlightKey, Path counter) throws Exception {
        var tool = WorkFixtures.counter(counter);
        for (JournalEntry e : kept) {
            if (RunEvent.CODEC.decode(e) instanceof RunEvent.ToolStarted s
                    && (kept.stream().anyMatch(x -> RunEvent.CODEC.decode(x).key().equals(s.key() + ":done")) || s.key().equals(inFlightKey))) {
                tool.invoke(new dev.chassis.core.tool.ToolCall(s.key(), s.tool(), s.arguments()));
            }
        }
        if (!Files.exists(counter)) {
            Files.writeString(counter, "{\"count\":0,\"keys\":[]}");
        }
    }

    static Map<String, JsonNode> unused() {
        return Map.of();
    }
}
