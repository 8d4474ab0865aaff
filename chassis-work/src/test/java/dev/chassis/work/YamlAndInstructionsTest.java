package dev.chassis.work;

import dev.chassis.work.journal.RunStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.token.Tokenizers;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.instructions.InstructionMap;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlAndInstructionsTest {

    private static Path file(String name) {
        try {
            return Path.of(YamlAndInstructionsTest.class.getResource("/wf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final WorkHarness harness = WorkHarness.builder().model(WorkFixtures.offline()).workdir(file("study.yaml").getParent()).build();

    @Test
    void a_yaml_workflow_runs_offline_reads_its_instructions_and_passes_its_gates() {
        InMemoryJournal journal = new InMemoryJournal();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).journal(journal).build();
        Workflow wf = h.load(file("study.yaml"));
        RunOutcome out = h.start(wf, WorkFixtures.json("{\"participant\": \"p-17\"}"), "y1");
        assertThat(out.status()).as(out.reason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.outputs().get("rules").path("rules").asText()).contains("30 days");
        assertThat(out.outputs().get("invite").path("invite").asText()).startsWith("Hi!");
        RunRecord r = RunRecord.load("y1", journal);
        assertThat(r.events(RunEvent.GateChecked.class)).extracting(g -> g.gate() + "=" + g.verdict().label())
                .containsExactly("read:recruiting/screening.md=pass", "schema=pass", "judge=pass");
        assertThat(h.resume("y1").outputs()).isEqualTo(out.outputs());
    }

    @Test
    void a_cycle_an_unknown_tool_an_invalid_schema_and_a_missing_document_are_named_with_file_and_line() {
        assertThatThrownBy(() -> harness.load(file("cycle.yaml"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("cycle.yaml:2: steps: the steps form a cycle: a -> c -> b -> a");
        assertThatThrownBy(() -> harness.load(file("unknown-tool.yaml")))
                .hasMessageStartingWith("unknown-tool.yaml:5: steps[0].tools[1]: unknown tool 'send_rocket'; known tools: earlier_runs, open_instructions, read_file");
        assertThatThrownBy(() -> harness.load(file("bad-schema.yaml")))
                .hasMessageStartingWith("bad-schema.yaml:5: steps[0].output: invalid JSON Schema");
        assertThatThrownBy(() -> harness.load(file("missing-doc.yaml")))
                .hasMessage("missing-doc.yaml:7: steps[0].gates[0].read: the gate requires reading 'recruiting/payments.md', which the "
                        + "instruction map does not have; documents: README.md, recruiting/screening.md, tone.md");
        assertThatThrownBy(() -> harness.load(file("typo.yaml")))
                .hasMessageStartingWith("typo.yaml:4: steps[0].instruktion: unknown field 'instruktion'");
    }

    @Test
    void the_instruction_map_check_reports_broken_links_and_a_root_over_its_cap(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "See [a](a.md) and [gone](missing.md) and [web](https://example.com).\n" + "word ".repeat(300));
        Files.writeString(dir.resolve("a.md"), "A, back to [root](README.md).");
        InstructionMap map = InstructionMap.load(dir.resolve("README.md"));
        assertThat(map.documents()).containsExactly("README.md", "a.md");
        assertThat(map.problems(Tokenizers.defaultTokenizer(), 100)).containsExactly("broken link: README.md -> missing.md",
                "the root map README.md is 324 tokens, over its cap of 100; move detail into linked documents");
    }
}
