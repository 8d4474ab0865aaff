package dev.chassis.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Condition;
import dev.chassis.work.flow.OfflinePlan;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SameOnBothEnginesTest {

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() {
        bed.close();
    }

    /** Fans out to two steps, one with a tool, joins them, skips a branch: the Java builder's workflow. */
    private static Workflow fanOut() {
        return Workflow.builder("fan-out")
                .step("topic", s -> s.instruction("Name the topic").output(Topic.class)
                        .offline(Topic.class, in -> new Topic(in.topic().toUpperCase(java.util.Locale.ROOT))))
                .step("count", s -> s.instruction("Count").needs("topic").tools("tally")
                        .offline(new OfflinePlan.Calls(List.of(new OfflinePlan.PlannedCall("tally", "{\"of\": \"${input.topic}\"}")),
                                "{\"tallied\": ${call.0}}")))
                .step("shout", s -> s.instruction("Shout").needs("topic").offline(in -> "{\"loud\": \"" + in.get("topic").path("topic").asText() + "!\"}"))
                .step("never", s -> s.instruction("Only for bikes").needs("topic")
                        .when(new Condition("topic", "/topic", Condition.Op.EQUALS, "BIKES")).offline(in -> "{}"))
                .step("join", s -> s.instruction("Join").needs("count", "shout")
                        .offline(in -> "{\"both\": \"" + in.get("shout").path("loud").asText() + " " + in.get("count").path("tallied").path("tally").asText() + "\"}"))
                .build();
    }

    record Topic(String topic) { }

    @Test
    void a_java_workflow_gives_the_same_outputs_and_the_same_events_on_temporal_as_in_this_process() {
        Map<String, Integer> localTallies = new ConcurrentHashMap<>();
        Map<String, Integer> temporalTallies = new ConcurrentHashMap<>();
        BiFunction<InMemoryJournal, Map<String, Integer>, WorkHarness.Builder> config = (journal, tallies) -> WorkHarness.builder()
                .model(Testbed.offline()).journal(journal).tools(tally(tallies)).workflow(fanOut());

        InMemoryJournal localJournal = new InMemoryJournal();
        RunOutcome local = config.apply(localJournal, localTallies).build()
                .start(fanOut(), Testbed.json("{\"topic\": \"onboarding\"}"), "r-1", Map.of());
        InMemoryJournal temporalJournal = new InMemoryJournal();
        RunOutcome onTemporal;
        try (TemporalEngine engine = bed.engine(config.apply(temporalJournal, temporalTallies))) {
            onTemporal = engine.start(fanOut(), Testbed.json("{\"topic\": \"onboarding\"}"), "r-1", Map.of());
        }

        assertThat(local.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(onTemporal.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(onTemporal.outputs()).isEqualTo(local.outputs());
        assertThat(onTemporal.outputs().get("join").path("both").asText()).isEqualTo("ONBOARDING! 1");
        assertThat(onTemporal.usage().modelCalls()).isEqualTo(local.usage().modelCalls());
        assertThat(Testbed.shape(temporalJournal, "r-1")).isEqualTo(Testbed.shape(localJournal, "r-1"));
        assertThat(localTallies).containsExactly(Map.entry("ONBOARDING", 1));
        assertThat(temporalTallies).containsExactly(Map.entry("ONBOARDING", 1));
    }

    @Test
    void the_mistake_ledgers_fixes_apply_on_temporal_as_in_this_process() {
        // a tool guard denies the tally; an output guard fails every loud answer, so the shout step runs out of attempts
        List<Fix> fixes = List.of(new Fix.ToolGuard("tally", Map.of(), "deny", "counting needs a person"),
                new Fix.OutputGuard("shout", "!", "never shout at participants"));
        Map<String, Integer> localTallies = new ConcurrentHashMap<>();
        Map<String, Integer> temporalTallies = new ConcurrentHashMap<>();
        BiFunction<InMemoryJournal, Map<String, Integer>, WorkHarness.Builder> config = (journal, tallies) -> WorkHarness.builder()
                .model(Testbed.offline()).journal(journal).tools(tally(tallies)).workflow(fanOut()).fixes(fixes);

        InMemoryJournal localJournal = new InMemoryJournal();
        RunOutcome local = config.apply(localJournal, localTallies).build()
                .start(fanOut(), Testbed.json("{\"topic\": \"onboarding\"}"), "r-2", Map.of());
        InMemoryJournal temporalJournal = new InMemoryJournal();
        RunOutcome onTemporal;
        try (TemporalEngine engine = bed.engine(config.apply(temporalJournal, temporalTallies))) {
            onTemporal = engine.start(fanOut(), Testbed.json("{\"topic\": \"onboarding\"}"), "r-2", Map.of());
        }

        assertThat(local.status()).isEqualTo(RunStatus.FAILED);
        assertThat(onTemporal.status()).isEqualTo(RunStatus.FAILED);
        assertThat(onTemporal.reason()).isEqualTo(local.reason()).contains("shout").contains("never shout at participants");
        assertThat(Testbed.shape(temporalJournal, "r-2")).isEqualTo(Testbed.shape(localJournal, "r-2"))
                .anyMatch(e -> e.contains("done REFUSED") && e.contains("counting needs a person"));
        assertThat(localTallies).isEmpty();
        assertThat(temporalTallies).isEmpty();
    }

    /** Counts calls per topic: a side effect whose count the test reads from outside the engines. */
    private static Tool tally(Map<String, Integer> tallies) {
        return Tool.of(new ToolSpec("tally", "Counts", ToolSpec.NO_PARAMETERS, true), call -> {
            String of = call.argumentsJson().map(j -> j.path("of").path("topic").asText()).orElse("?");
            return new ToolResult.Ok("{\"tally\":" + tallies.merge(of, 1, Integer::sum) + "}");
        });
    }
}
