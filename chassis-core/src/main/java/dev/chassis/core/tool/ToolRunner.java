package dev.chassis.core.tool;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.event.ToolEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs tool calls through the policy: every call is decided first, the decision is emitted as an
 * event, and only an allowed (or approved) call runs. A tool that throws becomes
 * {@link ToolResult.Failed}; nothing escapes. Immutable and thread-safe if its tools are.
 *
 * <pre>{@code
 * ToolRunner runner = new ToolRunner(List.of(search, open), policy, Approver.REFUSE_ALL, sink, Clock.systemUTC());
 * ToolResult r = runner.run(call);
 * }</pre>
 */
public final class ToolRunner {

    private final Map<String, Tool> tools;
    private final ToolPolicy policy;
    private final Approver approver;
    private final EventSink events;
    private final Clock clock;

    public ToolRunner(Collection<? extends Tool> tools, ToolPolicy policy, Approver approver, EventSink events, Clock clock) {
        Map<String, Tool> byName = new LinkedHashMap<>();
        for (Tool t : tools) {
            if (byName.put(t.spec().name(), t) != null) {
                throw new IllegalArgumentException("two tools are named '" + t.spec().name() + "'");
            }
        }
        this.tools = java.util.Collections.unmodifiableMap(byName); // keeps registration order for messages and specs
        this.policy = Objects.requireNonNull(policy, "policy");
        this.approver = Objects.requireNonNull(approver, "approver");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The specs of the tools, to put in a prompt. */
    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** Whether a tool of that name is registered. */
    public boolean has(String name) {
        return tools.containsKey(name);
    }

    /** Decides, records and (when allowed) runs one call. */
    public ToolResult run(ToolCall call) {
        return runAudited(call).result();
    }

    /**
     * What happened to a call, for an audit trail.
     *
     * @param verdict what the policy decided ({@code unknown-tool} when no such tool)
     * @param rule    the rule that decided, or {@code default}
     */
    public record Audited(ToolResult result, String verdict, String rule) { }

    /** Like {@link #run}, with the policy's verdict and rule, for an audit trail. */
    public Audited runAudited(ToolCall call) {
        return run(call, decision -> switch (decision.effect()) {
            case ALLOW -> ToolEvent.Verdict.ALLOWED;
            case DENY -> ToolEvent.Verdict.DENIED;
            case ASK -> approver.approve(decision) ? ToolEvent.Verdict.ASKED_AND_APPROVED : ToolEvent.Verdict.ASKED_AND_REFUSED;
        });
    }

    /**
     * Runs a call the policy says to ask about and that a person has allowed (the work harness pauses
     * the run for the decision instead of asking the {@link Approver}); a call the policy denies is still refused.
     *
     * @param by who allowed it, for the audit trail
     */
    public Audited runApproved(ToolCall call, String by) {
        return run(call, decision -> switch (decision.effect()) {
            case ALLOW -> ToolEvent.Verdict.ALLOWED;
            case DENY -> ToolEvent.Verdict.DENIED;
            case ASK -> ToolEvent.Verdict.ASKED_AND_APPROVED;
        });
    }

    private Audited run(ToolCall call, java.util.function.Function<PolicyDecision, ToolEvent.Verdict> verdictOf) {
        Tool tool = tools.get(call.name());
        if (tool == null) {
            ToolResult refused = new ToolResult.Refused("unknown tool '" + call.name() + "'; available: " + String.join(", ", tools.keySet()));
            finished(call, Duration.ZERO, refused);
            return new Audited(refused, "unknown-tool", "none");
        }
        PolicyDecision decision = policy.decide(call);
        ToolEvent.Verdict verdict = verdictOf.apply(decision);
        events.accept(new ToolEvent.PolicyDecided(clock.instant(), call.id(), call.name(), call.arguments(), verdict,
                decision.ruleDescription(), decision.reason()));
        if (verdict == ToolEvent.Verdict.DENIED || verdict == ToolEvent.Verdict.ASKED_AND_REFUSED) {
            ToolResult refused = new ToolResult.Refused("policy: " + decision.reason());
            finished(call, Duration.ZERO, refused);
            return new Audited(refused, verdict.name().toLowerCase(java.util.Locale.ROOT), decision.ruleDescription());
        }
        long start = System.nanoTime();
        ToolResult result;
        try {
            result = Objects.requireNonNull(tool.invoke(call), () -> "tool '" + call.name() + "' returned null");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new ToolResult.Failed("interrupted", true);
        } catch (Exception e) {
            result = new ToolResult.Failed(e.getMessage() == null || e.getMessage().isBlank() ? "it failed without saying why" : e.getMessage(), false);
        }
        finished(call, Duration.ofNanos(System.nanoTime() - start), result);
        return new Audited(result, verdict.name().toLowerCase(java.util.Locale.ROOT), decision.ruleDescription());
    }

    private void finished(ToolCall call, Duration took, ToolResult result) {
        String outcome = switch (result) {
            case ToolResult.Ok ok -> "ok";
            case ToolResult.Failed f -> "error";
            case ToolResult.Refused r -> "refused";
        };
        String content = result.content();
        events.accept(new ToolEvent.Finished(clock.instant(), call.id(), call.name(), took, outcome,
                content.length() > 200 ? content.substring(0, 200) + "…" : content));
    }
}
