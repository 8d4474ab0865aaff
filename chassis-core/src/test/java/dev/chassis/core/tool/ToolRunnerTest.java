package dev.chassis.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.ToolEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolRunnerTest {

    record Write(String path, String text) { }

    private final AtomicInteger writes = new AtomicInteger();
    private final Tool write = TypedTool.of(
            new ToolSpec("write_file", "Write a file", "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},\"text\":{\"type\":\"string\"}}}", true),
            Write.class, w -> {
                writes.incrementAndGet();
                return Map.of("written", w.path());
            });
    private final Tool explode = Tool.of(ToolSpec.of("explode", "Fails", ToolSpec.NO_PARAMETERS), call -> {
        throw new IllegalStateException("disk full");
    });
    private final List<Event> events = new CopyOnWriteArrayList<>();

    private ToolRunner runner(ToolPolicy policy, Approver approver) {
        return new ToolRunner(List.of(write, explode), policy, approver, events::add, Clock.systemUTC());
    }

    @Test
    void the_first_matching_rule_decides_and_every_decision_is_an_event() {
        ToolPolicy policy = ToolPolicy.builder()
                .deny("write_*", Map.of("/path", "/etc/.*"), "never touch system files")
                .allow("*")
                .build();
        ToolRunner r = runner(policy, Approver.REFUSE_ALL);

        ToolResult denied = r.run(new ToolCall("1", "write_file", "{\"path\":\"/etc/passwd\",\"text\":\"x\"}"));
        ToolResult ok = r.run(new ToolCall("2", "write_file", "{\"path\":\"notes.txt\",\"text\":\"x\"}"));

        assertThat(denied).isEqualTo(new ToolResult.Refused("policy: never touch system files"));
        assertThat(ok).isEqualTo(new ToolResult.Ok("{\"written\":\"notes.txt\"}"));
        assertThat(writes).hasValue(1);
        assertThat(events).filteredOn(ToolEvent.PolicyDecided.class::isInstance)
                .extracting(e -> ((ToolEvent.PolicyDecided) e).verdict())
                .containsExactly(ToolEvent.Verdict.DENIED, ToolEvent.Verdict.ALLOWED);
    }

    @Test
    void ask_rules_go_to_the_approver() {
        ToolPolicy policy = ToolPolicy.builder().ask("write_file", "needs a person").build();
        List<PolicyDecision> asked = new CopyOnWriteArrayList<>();
        ToolRunner r = runner(policy, d -> asked.add(d) && d.call().arguments().contains("ok.txt"));
        assertThat(r.run(new ToolCall("1", "write_file", "{\"path\":\"ok.txt\",\"text\":\"\"}"))).isInstanceOf(ToolResult.Ok.class);
        assertThat(r.run(new ToolCall("2", "write_file", "{\"path\":\"no.txt\",\"text\":\"\"}"))).isInstanceOf(ToolResult.Refused.class);
        assertThat(asked).hasSize(2);
    }

    @Test
    void unknown_tools_bad_arguments_and_throwing_tools_never_escape() {
        ToolRunner r = runner(ToolPolicy.allowAll(), Approver.REFUSE_ALL);
        assertThat(r.run(new ToolCall("1", "rm", "{}")))
                .isEqualTo(new ToolResult.Refused("unknown tool 'rm'; available: write_file, explode"));
        assertThat(r.run(new ToolCall("2", "write_file", "{\"nope\":1}"))).isInstanceOf(ToolResult.Refused.class);
        assertThat(r.run(new ToolCall("3", "explode", "{}"))).isEqualTo(new ToolResult.Failed("disk full", false));
    }

    @Test
    void the_default_effect_is_deny() {
        ToolRunner r = runner(ToolPolicy.builder().build(), Approver.REFUSE_ALL);
        assertThat(r.run(new ToolCall("1", "explode", "{}"))).isEqualTo(new ToolResult.Refused("policy: no rule matched; default is DENY"));
    }
}
