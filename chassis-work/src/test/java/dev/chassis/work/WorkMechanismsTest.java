package dev.chassis.work;

import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunStatus;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.model.Step;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.gate.CommandGate;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.ledger.WorkReplayer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkMechanismsTest {

    private static final OfflinePlan.PlannedCall BUMP = new OfflinePlan.PlannedCall("bump_counter", "{\"by\": 1}");

    @Test
    void the_policy_decides_every_call_and_the_audit_trail_is_in_the_journal(@TempDir Path dir) throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).tools(WorkFixtures.counter(dir.resolve("c.json")))
                .policy(ToolPolicy.builder().deny("bump_counter", Map.of("/by", "[5-9]"), "no big jumps").allow("*").build())
                .journal(journal).build();
        Workflow wf = Workflow.builder("policy").then("bump", s -> s.instruction("bump").tools("bump_counter").offline(new OfflinePlan.Calls(
                List.of(new OfflinePlan.PlannedCall("bump_counter", "{\"by\": 7}"), BUMP), ""))).build();
        h.start(wf, WorkFixtures.json("{}"), "p1");
        List<RunEvent.ToolFinished> calls = RunRecord.load("p1", journal).events(RunEvent.ToolFinished.class);
        assertThat(calls).extracting(c -> c.outcome().label() + " / " + c.policy())
                .containsExactly("refused / denied (deny bump_counter /by=[5-9])", "ok / allowed (allow *)");
        assertThat(WorkFixtures.Counter.read(dir.resolve("c.json")).count()).isEqualTo(1);
    }

    @Test
    void a_rate_limit_makes_calls_over_it_wait(@TempDir Path dir) {
        WorkHarness h = WorkHarness.builder().model(WorkFixtures.offline()).tools(WorkFixtures.counter(dir.resolve("c.json")))
                .rateLimit("bump_*", 2, Duration.ofMillis(400)).build();
        Workflow wf = Workflow.builder("rate").then("bump", s -> s.instruction("bump").tools("bump_counter")
                .offline(new OfflinePlan.Calls(List.of(BUMP, BUMP, BUMP, BUMP), ""))).build();
        long start = System.nanoTime();
        assertThat(h.start(wf, WorkFixtures.json("{}")).succeeded()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
    }

    @Test
    void near_its_budget_a_run_asks_and_past_it_stops_with_the_figures() {
        ScriptedModel model = ScriptedModel.builder().otherwise(p -> Step.reply("word ".repeat(300))).build();
        Workflow wf = Workflow.builder("budget").then("write", s -> s.instruction("Write").outputSchema("{\"type\":\"object\"}")
                .budget(StepBudget.DEFAULT.withAttempts(10).withTokens(2_000))).build();
        WorkHarness h = WorkHarness.builder().model(model).build();
        RunOutcome asked = h.start(wf, WorkFixtures.json("{}"), "b1");
        assertThat(asked.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(asked.pending()).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(PauseKind.BUDGET);
            assertThat(p.reason()).startsWith("near the budget: tokens ");
        });
        RunOutcome stopped = h.approve("b1", "ana", "go on");
        assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stopped.reason()).matches("step 'write' failed: budget exceeded: tokens \\d+ of 2000");
    }

    @Test
    void a_fork_reuses_the_work_before_a_step_and_the_diff_shows_what_changed() {
        InMemoryJournal journal = new InMemoryJournal();
        ScriptedModel model = ScriptedModel.builder().otherwise(p -> Step.reply("{\"draft\": \"v1\"}")).build();
        Workflow wf = Workflow.builder("fork").then("facts", s -> s.instruction("Facts").offline(in -> "{}"))
                .then("draft", s -> s.instruction("Draft")).build();
        WorkHarness h = WorkHarness.builder().model(model).journal(journal).build();
        h.start(wf, WorkFixtures.json("{}"), "f1");
        int callsBefore = model.calls();
        RunOutcome forked = h.fork("f1", "draft", Fork.withModel(ScriptedModel.replying("{\"draft\": \"v2\"}")));
        assertThat(forked.runId()).isEqualTo("f1-fork-1");
        assertThat(forked.outputs().get("draft").path("draft").asText()).isEqualTo("v2");
        assertThat(model.calls()).isEqualTo(callsBefore);
        RunDiff diff = h.diff("f1", "f1-fork-1");
        assertThat(diff.changed()).extracting(RunDiff.StepDiff::step).containsExactly("draft");
        assertThat(diff.lines()).anyMatch(l -> l.contains("+ {\"draft\": \"v2\"}"));
        assertThat(h.summary("f1-fork-1").forkOf()).contains("f1");
    }

    @Test
    void a_command_gate_turns_exit_code_and_output_into_findings(@TempDir Path dir) {
        Workflow wf = Workflow.builder("cmd").then("answer", s -> s.instruction("Answer").offline(in -> "{\"answer\": 41}")
                .budget(StepBudget.DEFAULT.withAttempts(1))
                .gate(new CommandGate("check", List.of("sh", "-c", "grep -q 42 \"$CHASSIS_OUTPUT_FILE\" || { echo 'expected 42'; exit 3; }"),
                        Duration.ofSeconds(10)))).build();
        RunOutcome out = WorkHarness.builder().model(WorkFixtures.offline()).workdir(dir).build().start(wf, WorkFixtures.json("{}"));
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(out.reason()).contains("check: `sh -c").contains("exited with 3").contains("check: expected 42");
    }

    @Test
    void spans_nest_run_step_attempt_and_call() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        Workflow wf = Workflow.builder("spans").then("one", s -> s.instruction("1").offline(in -> "{}")).build();
        WorkHarness.builder().model(WorkFixtures.offline()).openTelemetry(otel).build().start(wf, WorkFixtures.json("{}"));
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData run = spans.stream().filter(s -> s.getName().startsWith("work.run")).findFirst().orElseThrow();
        SpanData step = spans.stream().filter(s -> s.getName().equals("work.step one")).findFirst().orElseThrow();
        SpanData attempt = spans.stream().filter(s -> s.getName().equals("work.attempt")).findFirst().orElseThrow();
        SpanData call = spans.stream().filter(s -> s.getName().startsWith("model ")).findFirst().orElseThrow();
        assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
        assertThat(attempt.getParentSpanId()).isEqualTo(step.getSpanId());
        assertThat(call.getParentSpanId()).isEqualTo(attempt.getSpanId());
    }

    @Test
    void a_work_mistake_replays_as_possible_before_its_fix_and_prevented_after(@TempDir Path dir) {
        Incident incident = new Incident("emailed-without-approval", "Emailed a participant without approval", "work", Instant.EPOCH,
                "researcher", new Evidence("run-7", "invite", "Invite the participant", "{\"tool\": \"send_email\", \"arguments\": "
                + "{\"to\": \"p-17@example.com\"}}", List.of(), Map.of()), new Mistake(Mistake.TOOL_CALLED, "send_email"), List.of());
        Ledger ledger = Ledger.load(dir).add(incident);
        WorkReplayer replayer = new WorkReplayer(ToolPolicy.allowAll());
        assertThat(ledger.check(List.of(replayer)).results()).singleElement().isInstanceOf(ReplayResult.StillPossible.class);

        Ledger fixed = Ledger.load(dir).add(new Incident("emailed-without-approval-fix", incident.title(), "work", incident.at(),
                incident.flaggedBy(), incident.evidence(), incident.mistake(),
                List.of(new Fix.ToolGuard("send_*", Map.of(), "deny", "messages to participants need a person's approval"))));
        var report = Ledger.load(dir).check(List.of(replayer));
        assertThat(report.passed()).isTrue();
        assertThat(report.lines()).allMatch(l -> l.startsWith("PREVENTED"));
        assertThat(fixed.incidents()).hasSize(2);
    }

    @Test
    void a_wrong_output_is_refused_once_its_output_guard_is_in_the_ledger(@TempDir Path dir) {
        Incident incident = new Incident("promised-payment", "Promised a payment amount", "work", Instant.EPOCH, "reviewer",
                new Evidence("run-9", "invite", "Draft the invite", "We will pay you $500 for your time!", List.of(), Map.of()),
                new Mistake(Mistake.OUTPUT_MATCHES, "\\$\\d+"), List.of(new Fix.OutputGuard("invite", "\\$\\d+", "never promise amounts")));
        Ledger ledger = Ledger.load(dir).add(incident);
        assertThat(new WorkReplayer(ToolPolicy.allowAll()).replay(incident.withFixes(List.of()), Ledger.load(dir.resolve("empty"))))
                .isInstanceOf(ReplayResult.StillPossible.class);
        assertThat(new WorkReplayer(ToolPolicy.allowAll()).replay(incident, ledger)).isInstanceOf(ReplayResult.Prevented.class);
    }

    @Test
    void orchestration_takes_no_time_ids_threads_or_io_from_the_jdk() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.chassis.work.flow");
        noClasses().that().resideInAPackage("dev.chassis.work.flow")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .check(classes);
    }
}
