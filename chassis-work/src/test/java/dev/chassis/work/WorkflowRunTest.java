package dev.chassis.work;

import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.model.ModelException;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.model.Step;
import dev.chassis.work.flow.Condition;
import dev.chassis.work.flow.Escalation;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.ApprovalGate;
import dev.chassis.work.gate.PredicateGate;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowRunTest {

    private static final String FACTS_SCHEMA = "{\"type\":\"object\",\"properties\":{\"facts\":{\"type\":\"array\",\"minItems\":1}},\"required\":[\"facts\"]}";

    @Test
    void a_workflow_runs_offline_step_by_step_with_tools_and_passes_outputs_along(@TempDir Path dir) throws Exception {
        Path counter = dir.resolve("counter.json");
        Workflow wf = Workflow.builder("count")
                .then("gather", s -> s.instruction("List the facts").outputSchema(FACTS_SCHEMA)
                        .offline(in -> "{\"facts\": [\"" + in.get("input").path("topic").asText() + "\"]}"))
                .then("bump", s -> s.instruction("Count them").tools("bump_counter")
                        .offline(new OfflinePlan.Calls(List.of(new OfflinePlan.PlannedCall("bump_counter", "{\"by\": 2}")), "")))
                .then("report", s -> s.instruction("Report")
                        .offline(new OfflinePlan.Calls(List.of(), "{\"facts\": \"${input.gather}\", \"counter\": \"${input.bump}\"}")))
                .build();
        InMemoryJournal journal = new InMemoryJournal();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).tools(WorkFixtures.counter(counter)).journal(journal).build();

        RunOutcome out = h.start(wf, WorkFixtures.json("{\"topic\": \"onboarding\"}"), "r1");

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.outputs().get("gather")).isEqualTo(WorkFixtures.json("{\"facts\": [\"onboarding\"]}"));
        assertThat(out.outputs().get("report")).isEqualTo(WorkFixtures.json("{\"facts\": {\"facts\": [\"onboarding\"]}, \"counter\": {\"count\": 2}}"));
        assertThat(WorkFixtures.Counter.read(counter).count()).isEqualTo(2);
        RunRecord record = RunRecord.load("r1", journal);
        assertThat(record.events(RunEvent.ToolFinished.class)).singleElement()
                .satisfies(t -> assertThat(t.policy()).startsWith("allowed"));
        assertThat(record.events(RunEvent.GateChecked.class)).extracting(RunEvent.GateChecked::gate).containsExactly("schema");
        assertThat(out.usage().modelCalls()).isEqualTo(4);
        assertThat(out.usage().toolCalls()).isEqualTo(1);
    }

    @Test
    void a_failed_gate_retries_the_step_with_its_findings_in_the_prompt() {
        ScriptedModel model = ScriptedModel.builder()
                .replies("Here you go: no JSON at all.", "{\"facts\": []}", "{\"facts\": [\"it works\"]}").build();
        Workflow wf = Workflow.builder("retry").then("gather", s -> s.instruction("List the facts").outputSchema(FACTS_SCHEMA)).build();
        WorkHarness h = WorkHarness.builder().model(model).build();

        RunOutcome out = h.start(wf, WorkFixtures.json("{}"));

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.outputs().get("gather").path("facts").get(0).asText()).isEqualTo("it works");
        assertThat(model.prompts()).hasSize(3);
        assertThat(model.prompts().get(1).messages().get(1).text()).contains("the output is not JSON");
        assertThat(model.prompts().get(2).messages().get(1).text()).contains("minItems").doesNotContain("not JSON");
    }

    @Test
    void exhausted_attempts_fail_with_the_evidence_or_pause_for_a_person() {
        Workflow failing = Workflow.builder("exhaust").then("gather", s -> s.instruction("List").outputSchema(FACTS_SCHEMA)
                .budget(StepBudget.DEFAULT.withAttempts(2))).build();
        RunOutcome failed = WorkHarness.builder().model(ScriptedModel.replying("nope")).build().start(failing, WorkFixtures.json("{}"));
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("step 'gather' failed: no accepted output after 2 attempts: schema: the output is not JSON; "
                + "answer with a JSON value only");

        Workflow escalating = Workflow.builder("escalate").then("gather", s -> s.instruction("List").outputSchema(FACTS_SCHEMA)
                .budget(StepBudget.DEFAULT.withAttempts(2)).onExhausted(Escalation.PAUSE)).then("after", s -> s.instruction("Next")
                .offline(in -> "{\"ok\": true}")).build();
        WorkHarness h = WorkHarness.builder().model(ScriptedModel.builder().replies("nope", "still nope").otherwise(p -> Step.reply("{\"ok\":true}")).build()).build();
        RunOutcome paused = h.start(escalating, WorkFixtures.json("{}"), "esc");
        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(paused.pending()).hasValueSatisfying(p -> assertThat(p.kind()).isEqualTo(PauseKind.ESCALATION));
        RunOutcome approved = h.approve("esc", "ana", "good enough");
        assertThat(approved.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(approved.outputs().get("gather").asText()).isEqualTo("still nope");
    }

    @Test
    void an_approval_gate_pauses_the_run_until_a_person_decides() {
        Workflow wf = Workflow.builder("approve").then("draft", s -> s.instruction("Draft the invite").gate(new ApprovalGate("send", "Send it?"))
                .offline(in -> "{\"invite\": \"Hello\"}")).then("send", s -> s.instruction("Send").offline(in -> "{\"sent\": true}")).build();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).build();
        RunOutcome paused = h.start(wf, WorkFixtures.json("{}"), "a1");
        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(paused.pending()).contains(new RunOutcome.Pause("draft", PauseKind.APPROVAL, "Send it?", Optional.of("{\"invite\": \"Hello\"}")));
        assertThat(h.summary("a1").status()).isEqualTo(RunStatus.PAUSED);
        RunOutcome done = h.approve("a1", "ana", "");
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.outputs()).containsKeys("draft", "send");

        RunOutcome rejected = h.start(wf, WorkFixtures.json("{}"), "a2");
        assertThat(rejected.status()).isEqualTo(RunStatus.PAUSED);
        RunOutcome after = h.reject("a2", "ben", "tone is wrong");
        assertThat(after.status()).isEqualTo(RunStatus.FAILED);
        assertThat(after.reason()).isEqualTo("step 'draft' failed: rejected by ben (tone is wrong)");
    }

    @Test
    void independent_steps_fan_out_and_a_false_condition_skips_a_branch() {
        Workflow wf = Workflow.builder("fan")
                .step("a", s -> s.instruction("A").offline(in -> "{\"n\": 1}"))
                .step("b", s -> s.instruction("B").offline(in -> "{\"n\": 2}"))
                .step("join", s -> s.instruction("Join").needs("a", "b")
                        .offline(in -> "{\"sum\": " + (in.get("a").path("n").asInt() + in.get("b").path("n").asInt()) + "}"))
                .step("big", s -> s.instruction("Only for big sums").needs("join").when(new Condition("join", "/sum", Condition.Op.GREATER_THAN, "5"))
                        .offline(in -> "{\"big\": true}"))
                .step("after-big", s -> s.instruction("After").needs("big").offline(in -> "{}"))
                .build();
        RunOutcome out = WorkHarness.builder().model(WorkFixtures.offline()).build().start(wf, WorkFixtures.json("{}"));
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.outputs().get("join").path("sum").asInt()).isEqualTo(3);
        assertThat(out.outputs()).doesNotContainKeys("big", "after-big");
    }

    @Test
    void a_predicate_gate_and_transient_model_failures_are_handled() {
        ScriptedModel model = ScriptedModel.builder()
                .then(Step.fail(name -> new ModelException.RateLimited(name, Optional.of(java.time.Duration.ofMillis(10)), "")))
                .replies("{\"score\": 3}", "{\"score\": 9}").build();
        Workflow wf = Workflow.builder("pred").then("rate", s -> s.instruction("Rate it")
                .gate(new PredicateGate("high-enough", in -> in.json().map(j -> j.path("score").asInt() >= 5).orElse(false), "score must be 5 or more")))
                .build();
        RunOutcome out = WorkHarness.builder().model(model).build().start(wf, WorkFixtures.json("{}"));
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.outputs().get("rate").path("score").asInt()).isEqualTo(9);
        assertThat(model.calls()).isEqualTo(3);
    }

    @Test
    void a_resumed_run_skips_finished_steps_and_a_finished_run_stays_finished() {
        InMemoryJournal journal = new InMemoryJournal();
        Workflow wf = Workflow.builder("twice").then("one", s -> s.instruction("1").offline(in -> "{\"v\": 1}"))
                .then("two", s -> s.instruction("2").offline(in -> "{\"v\": 2}")).build();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).journal(journal).workflow(wf).build();
        RunOutcome first = h.start(wf, WorkFixtures.json("{}"), "t1");
        int events = journal.read("t1").size();
        RunOutcome again = h.resume("t1");
        assertThat(again.outputs()).isEqualTo(first.outputs());
        assertThat(journal.read("t1")).hasSize(events);
        assertThat(h.runs()).extracting(RunSummary::status).containsExactly(RunStatus.SUCCEEDED);
    }

    static Map<String, JsonNode> noInputs() {
        return Map.of();
    }
}
