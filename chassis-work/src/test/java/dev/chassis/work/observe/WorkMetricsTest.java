package dev.chassis.work.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.model.Step;
import dev.chassis.work.WorkFixtures;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.Workflow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void a_retried_step_a_tool_call_and_the_runs_are_counted(@TempDir Path dir) {
        AtomicInteger calls = new AtomicInteger();
        ScriptedModel model = ScriptedModel.builder().otherwise(p -> Step.reply(calls.getAndIncrement() == 0 ? "not json" : "{\"ok\": true}")).build();
        Workflow write = Workflow.builder("write").then("draft", s -> s.instruction("Write").outputSchema("{\"type\":\"object\"}")).build();
        assertThat(WorkHarness.builder().model(model).events(new WorkMetrics(registry)).build().start(write, WorkFixtures.json("{}")).succeeded()).isTrue();

        Workflow bump = Workflow.builder("bump").then("bump", s -> s.instruction("bump").tools("bump_counter")
                .offline(new OfflinePlan.Calls(List.of(new OfflinePlan.PlannedCall("bump_counter", "{\"by\": 1}")), ""))).build();
        assertThat(WorkHarness.builder().model(WorkFixtures.offline()).tools(WorkFixtures.counter(dir.resolve("c.json")))
                .events(new WorkMetrics(registry)).build().start(bump, WorkFixtures.json("{}")).succeeded()).isTrue();

        assertThat(registry.get("chassis.work.retries").counter().count()).isEqualTo(1);
        assertThat(registry.get("chassis.work.gate.verdicts").tag("gate", "schema").tag("verdict", "fail").counter().count()).isEqualTo(1);
        assertThat(registry.get("chassis.work.gate.verdicts").tag("gate", "schema").tag("verdict", "pass").counter().count()).isEqualTo(1);
        assertThat(registry.get("chassis.work.steps").tag("status", "succeeded").counter().count()).isEqualTo(2);
        assertThat(registry.get("chassis.work.step.attempts").summary().max()).isEqualTo(2);
        assertThat(registry.get("chassis.work.tool.calls").tag("tool", "bump_counter").tag("outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.get("chassis.work.model.tokens").counter().count()).isPositive();
        assertThat(registry.get("chassis.work.model.calls").timer().count()).isGreaterThanOrEqualTo(3);
        assertThat(registry.get("chassis.work.runs").tag("status", "succeeded").counter().count()).isEqualTo(2);
        assertThat(registry.get("chassis.work.journal.append").timer().count()).isPositive();
    }

    @Test
    void a_gate_is_counted_by_its_kind_never_by_a_file_name() {
        assertThat(WorkMetrics.kind("read:recruiting/screening.md")).isEqualTo("read");
        assertThat(WorkMetrics.kind("ledger-guard-3")).isEqualTo("ledger-guard");
        assertThat(WorkMetrics.kind("schema")).isEqualTo("schema");
    }
}
