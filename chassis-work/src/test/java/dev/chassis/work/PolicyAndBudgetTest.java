package dev.chassis.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.model.Step;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.journal.ToolOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow file's own tool policy (allow, deny, ask with argument patterns, rate limits) and its run-wide budget. */
class PolicyAndBudgetTest {

    private static final String DRAFT = """
            name: invite
            policy:
              rules:
                - {tool: write_file, effect: deny, arguments: {/path: ".*\\\\.sh"}, reason: "no scripts"}
                - {tool: write_file, effect: ask, reason: "a researcher reads each invitation first"}
              limits:
                - {tool: "write_*", calls: 5, per: 1m}
            steps:
              - id: draft
                instruction: Write the invitation and a script.
                tools: [write_file]
                offline:
                  calls:
                    - tool: write_file
                      arguments: {path: run.sh, text: "rm -rf /"}
                    - tool: write_file
                      arguments: {path: invitation.md, text: "Hi Ana, would you talk with us for 20 minutes?"}
                  output: '{"sent": "${call.1}"}'
            """;

    private static WorkHarness harness(Path dir, InMemoryJournal journal) {
        return WorkHarness.builder().model(WorkFixtures.offline()).journal(journal).workdir(dir).files(dir.resolve("files")).build();
    }

    @Test
    void ask_pauses_before_the_call_shows_it_with_its_arguments_and_approve_runs_it_once(@TempDir Path dir) throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        WorkHarness h = harness(dir, journal);
        Workflow wf = h.load(Files.writeString(dir.resolve("invite.yaml"), DRAFT));

        RunOutcome paused = h.start(wf, WorkFixtures.json("{}"), "i1");

        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        RunOutcome.Pause p = paused.pending().orElseThrow();
        assertThat(p.kind()).isEqualTo(PauseKind.TOOL);
        assertThat(p.reason()).isEqualTo("tool call write_file needs a person's approval: a researcher reads each invitation first");
        assertThat(p.asks()).contains("write_file {\"path\":\"invitation.md\",\"text\":\"Hi Ana, would you talk with us for 20 minutes?\"}");
        assertThat(dir.resolve("files/invitation.md")).doesNotExist();
        assertThat(h.summary("i1").pending()).contains(p);

        RunOutcome done = h.approve("i1", "maria", "reads well");

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Files.readString(dir.resolve("files/invitation.md"))).isEqualTo("Hi Ana, would you talk with us for 20 minutes?");
        assertThat(dir.resolve("files/run.sh")).doesNotExist();
        assertThat(RunRecord.load("i1", journal).events(RunEvent.ToolFinished.class)).extracting(t -> t.outcome() + " " + t.policy())
                .containsExactly("REFUSED denied (deny write_file /path=.*\\.sh)", "OK asked_and_approved (ask write_file)");
        assertThat(h.resume("i1").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Files.readAllLines(dir.resolve("files/.writes.log"))).hasSize(1);
    }

    @Test
    void a_rejected_call_is_refused_to_the_model_and_the_step_goes_on(@TempDir Path dir) throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        WorkHarness h = harness(dir, journal);
        Workflow wf = h.load(Files.writeString(dir.resolve("invite.yaml"), DRAFT));
        h.start(wf, WorkFixtures.json("{}"), "i2");

        RunOutcome after = h.reject("i2", "maria", "too pushy");

        assertThat(after.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(after.outputs().get("draft").path("sent").asText()).isEqualTo("refused: a person refused this call: maria (too pushy)");
        assertThat(dir.resolve("files/invitation.md")).doesNotExist();
        assertThat(RunRecord.load("i2", journal).events(RunEvent.ToolFinished.class)).extracting(RunEvent.ToolFinished::outcome)
                .containsExactly(ToolOutcome.REFUSED, ToolOutcome.REFUSED);
    }

    @Test
    void mistakes_in_a_policy_or_a_budget_are_located_by_line_and_field(@TempDir Path dir) throws Exception {
        WorkHarness h = harness(dir, new InMemoryJournal());
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("a.yaml"), DRAFT.replace("effect: ask", "effect: maybe"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("a.yaml:5: policy.rules[1].effect: must be allow, deny or ask, was 'maybe'");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("b.yaml"), DRAFT.replace("{tool: write_file, effect: ask", "{tool: write_fle, effect: ask"))))
                .hasMessageStartingWith("b.yaml:5: policy.rules[1].tool: no tool is named 'write_fle'; known tools: ");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("c.yaml"), DRAFT.replace("calls: 5, per: 1m", "calls: 5, per: soon"))))
                .hasMessage("c.yaml:7: policy.limits[0].per: 'soon' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("d.yaml"), DRAFT.replace("\\\\.sh", "(.sh"))))
                .hasMessageStartingWith("d.yaml:4: policy.rules[0].arguments./path: not a valid regex");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("e.yaml"), "budget: {tokens: -5}\n" + DRAFT)))
                .hasMessage("e.yaml:1: budget.tokens: a run's budget must be more than 0, was -5");
    }

    @Test
    void near_the_runs_budget_it_asks_once_and_past_it_the_run_stops_with_the_figures(@TempDir Path dir) throws Exception {
        ScriptedModel model = ScriptedModel.builder().otherwise(p -> Step.reply("{\"text\": \"" + "word ".repeat(150) + "\"}")).build();
        WorkHarness h = WorkHarness.builder().model(model).build();
        Workflow wf = h.load(Files.writeString(dir.resolve("long.yaml"), """
                name: long
                budget: {tokens: 1000}
                steps:
                  - {id: one, instruction: Write.}
                  - {id: two, instruction: Write more., needs: [one]}
                  - {id: three, instruction: Write even more., needs: [two]}
                  - {id: four, instruction: And more., needs: [three]}
                  - {id: five, instruction: And more., needs: [four]}
                  - {id: six, instruction: And more., needs: [five]}
                  - {id: seven, instruction: And more., needs: [six]}
                  - {id: eight, instruction: And more., needs: [seven]}
                """));

        RunOutcome asked = h.start(wf, WorkFixtures.json("{}"), "b1");

        assertThat(asked.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(asked.pending().orElseThrow().kind()).isEqualTo(PauseKind.BUDGET);
        assertThat(asked.reason()).matches("step '\\w+' waits for budget: near the run's budget: run tokens \\d+ of 1000");
        RunOutcome stopped = h.approve("b1", "ana", "go on");
        assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stopped.reason()).matches("step '\\w+' failed: run budget exceeded: run tokens \\d+ of 1000");
        assertThat(RunRecord.load("b1", h.journal()).events(RunEvent.Paused.class)).hasSize(1);
    }

    @Test
    void the_workflow_policy_comes_before_the_harness_policy_and_its_default_applies(@TempDir Path dir) throws Exception {
        WorkHarness h = harness(dir, new InMemoryJournal());
        Workflow wf = h.load(Files.writeString(dir.resolve("strict.yaml"), """
                name: strict
                policy: {default: deny}
                steps:
                  - id: write
                    instruction: Write it.
                    tools: [write_file]
                    offline:
                      calls: [{tool: write_file, arguments: {path: a.txt, text: a}}]
                """));
        RunOutcome out = h.start(wf, WorkFixtures.json("{}"), "s1");
        assertThat(out.outputs().get("write").asText()).isEqualTo("refused: policy: no rule matched; default is DENY");
        assertThat(List.of(dir.resolve("files").toFile().list() == null ? new String[0] : dir.resolve("files").toFile().list())).isEmpty();
    }
}
