package dev.chassis.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.work.flow.Workflow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal shared with other writers: the run list shows the harness's own runs and skips the rest. */
class RunListingTest {

    @Test
    void entries_that_are_not_runs_are_left_out_of_the_list() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.append("someone-else", List.of(new JournalEntry(0, "T0", "{\"n\": 0}", Instant.EPOCH)));
        Workflow wf = Workflow.builder("one").then("a", s -> s.instruction("A").offline(in -> "{\"a\": 1}")).build();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).journal(journal).build();
        h.start(wf, new ObjectMapper().createObjectNode(), "mine");

        assertThat(h.runs()).extracting(RunSummary::runId).containsExactly("mine");
        assertThatThrownBy(() -> h.summary("someone-else")).hasMessageContaining("cannot decode run journal entry 0");
    }
}
