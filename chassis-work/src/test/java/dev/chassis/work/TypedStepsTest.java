package dev.chassis.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.Gate;
import dev.chassis.work.gate.GateVerdict;
import dev.chassis.work.gate.RecordSchema;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Steps whose inputs and outputs are records, and a gate that makes a step wait for something outside. */
class TypedStepsTest {

    enum Tone { WARM, FORMAL }

    record Brief(String team, int size) { }

    record Theme(String name, List<String> quotes, Optional<Double> confidence) { }

    record Findings(List<Theme> themes, Map<String, Integer> counts, Tone tone) { }

    record Both(Brief brief, Findings analyse) { }

    @Test
    void a_records_schema_has_its_components_typed_and_all_but_optionals_required() {
        assertThat(RecordSchema.of(Theme.class)).isEqualTo("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"quotes\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"confidence\":{\"anyOf\":[{\"type\":\"number\"},{\"type\":\"null\"}]}},"
                + "\"required\":[\"name\",\"quotes\"]}");
        assertThat(RecordSchema.of(Findings.class)).contains("\"counts\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}")
                .contains("\"tone\":{\"type\":\"string\",\"enum\":[\"WARM\",\"FORMAL\"]}");
        assertThatThrownBy(() -> RecordSchema.of(String.class)).hasMessage("String is not a record: a step's typed output is a record");
    }

    @Test
    void a_typed_step_gets_the_output_it_needs_and_a_step_with_several_needs_gets_them_by_step_id() {
        Workflow wf = Workflow.builder("typed")
                .then("brief", s -> s.instruction("Restate the brief").output(Brief.class).offline(Brief.class, b -> b))
                .then("analyse", s -> s.instruction("Analyse").output(Findings.class)
                        .offline(Brief.class, b -> new Findings(List.of(new Theme(b.team() + " is slow", List.of("two days"), Optional.empty())),
                                Map.of("sessions", b.size()), Tone.WARM)))
                .step("summary", s -> s.instruction("Sum up").needs("brief", "analyse").offline(Both.class,
                        both -> Map.of("text", both.brief().team() + ": " + both.analyse().themes().getFirst().name())))
                .build();
        RunOutcome out = WorkHarness.builder().model(WorkFixtures.offline()).build().start(wf, new Brief("design", 5));
        assertThat(out.status()).as(out.reason()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.output("analyse", Findings.class).counts()).containsEntry("sessions", 5);
        assertThat(out.outputs().get("summary").path("text").asText()).isEqualTo("design: design is slow");
        assertThatThrownBy(() -> out.output("nothing", Findings.class)).hasMessageStartingWith("run '" + out.runId() + "' has no output of step 'nothing'");
    }

    @Test
    void an_answer_that_does_not_fit_the_output_record_is_refused_with_the_reason_and_tried_again() {
        ScriptedModel model = ScriptedModel.builder().replies("{\"name\": 3}", "{\"name\": \"setup\", \"quotes\": [\"two days\"]}").build();
        Workflow wf = Workflow.builder("strict").then("theme", s -> s.instruction("Name the theme").output(Theme.class)).build();
        RunOutcome out = WorkHarness.builder().model(model).build().start(wf, Map.of());
        assertThat(out.output("theme", Theme.class)).isEqualTo(new Theme("setup", List.of("two days"), Optional.empty()));
        assertThat(model.prompts().get(1).messages().getLast().text()).contains("schema: /name: integer found, string expected")
                .contains("required property 'quotes' not found");
    }

    @Test
    void a_waiting_gate_pauses_the_run_and_resume_does_the_step_again_until_it_passes() {
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Gate allIn = Gate.of("all-in", in -> arrived.get() >= 2 ? new GateVerdict.Pass("all-in", "")
                : new GateVerdict.Wait("all-in", "waiting for " + (2 - arrived.get()) + " files"));
        Workflow wf = Workflow.builder("wait").then("collect", s -> s.instruction("Collect").budget(StepBudget.DEFAULT.withAttempts(1))
                .gate(allIn).offline(in -> "{\"call\": " + calls.incrementAndGet() + "}")).then("after", s -> s.instruction("After")
                .offline(in -> "{\"done\": true}")).build();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).workflow(wf).build();

        RunOutcome first = h.start(wf, Map.of(), "w1");
        assertThat(first.pending().orElseThrow().kind()).isEqualTo(PauseKind.WAIT);
        arrived.set(1);
        assertThat(h.resume("w1").reason()).isEqualTo("step 'collect' waits for wait: waiting for 1 files");
        arrived.set(2);
        RunOutcome done = h.resume("w1");

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.outputs().get("collect").path("call").asInt()).isEqualTo(3);
        assertThat(h.summary("w1").stepsDone()).isEqualTo(2);

        arrived.set(0);
        h.start(wf, Map.of(), "w2");
        RunOutcome rejected = h.reject("w2", "ana", "they will not come");
        assertThat(rejected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(rejected.reason()).startsWith("step 'collect' failed: rejected by ana (they will not come) while it waited:");
    }
}
