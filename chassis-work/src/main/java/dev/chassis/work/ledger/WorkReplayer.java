package dev.chassis.work.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.IncidentReplayer;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.core.text.JsonAnswer;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Replays a work incident through the work harness as it is configured now (its policy plus every
 * fix in the ledger), with the model's recorded output played back:
 * <ul>
 *   <li>{@code tool-called}: the recorded output is the call ({@code {"tool": ..., "arguments": {...}}}); the
 *       mistake is possible if the call still goes through to the tool;</li>
 *   <li>{@code output-matches}: the recorded output is the step's answer; the mistake is possible if the step
 *       still accepts an answer matching the pattern.</li>
 * </ul>
 * Tools are stand-ins that only note they were called: a replay never has side effects.
 */
public final class WorkReplayer implements IncidentReplayer {

    private final ToolPolicy policy;

    /** Replays under {@code policy}, the base policy of the harness being checked. */
    public WorkReplayer(ToolPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String harness() {
        return "work";
    }

    @Override
    public ReplayResult replay(Incident incident, Ledger ledger) {
        String step = incident.evidence().where().isBlank() ? "step" : incident.evidence().where().replaceAll("[^A-Za-z0-9_-]", "-");
        return switch (incident.mistake().kind()) {
            case Mistake.TOOL_CALLED -> toolCall(incident, ledger, step);
            case Mistake.OUTPUT_MATCHES -> output(incident, ledger, step);
            default -> new ReplayResult.NotReplayable(incident.id(), "a work incident's mistake is tool-called or output-matches, not "
                    + incident.mistake().kind());
        };
    }

    private ReplayResult toolCall(Incident incident, Ledger ledger, String step) {
        JsonNode recorded = JsonAnswer.json(incident.evidence().output()).orElse(null);
        if (recorded == null || !recorded.hasNonNull("tool")) {
            return new ReplayResult.NotReplayable(incident.id(), "evidence.output must be the recorded call: {\"tool\": ..., \"arguments\": {...}}");
        }
        String tool = recorded.get("tool").asText();
        AtomicBoolean reached = new AtomicBoolean();
        Tool standIn = Tool.of(ToolSpec.of(tool, "stand-in for replay", ToolSpec.NO_PARAMETERS), c -> {
            reached.set(true);
            return new ToolResult.Ok("{}");
        });
        ToolCall call = new ToolCall("replay", tool, recorded.path("arguments").toString());
        InMemoryJournal journal = new InMemoryJournal();
        WorkHarness h = WorkHarness.builder().model(new ReplayModel(Optional.of(call), "done")).tools(standIn).policy(policy)
                .ledger(ledger).journal(journal).build();
        Workflow wf = Workflow.builder("replay-" + incident.id()).then(step, s -> s.instruction(incident.evidence().input().isBlank()
                ? "replay" : incident.evidence().input()).tools(tool).budget(StepBudget.DEFAULT.withAttempts(1))).build();
        h.start(wf, JsonAnswer.node("{}"), "replay");
        if (reached.get()) {
            return new ReplayResult.StillPossible(incident.id(), "the call to '" + tool + "' still went through");
        }
        String why = RunRecord.load("replay", journal).events(RunEvent.ToolFinished.class).stream().map(RunEvent.ToolFinished::content)
                .findFirst().orElse("the call was not made");
        return new ReplayResult.Prevented(incident.id(), why);
    }

    private ReplayResult output(Incident incident, Ledger ledger, String step) {
        Pattern pattern = Pattern.compile(incident.mistake().pattern());
        WorkHarness h = WorkHarness.builder().model(new ReplayModel(Optional.empty(), incident.evidence().output())).policy(policy)
                .ledger(ledger).build();
        Workflow wf = Workflow.builder("replay-" + incident.id()).then(step, s -> s.instruction(incident.evidence().input().isBlank()
                ? "replay" : incident.evidence().input()).budget(StepBudget.DEFAULT.withAttempts(1))).build();
        RunOutcome out = h.start(wf, JsonAnswer.node("{}"), "replay");
        if (out.succeeded() && pattern.matcher(JsonAnswer.text(out.outputs().get(step))).find()) {
            return new ReplayResult.StillPossible(incident.id(), "step '" + step + "' still accepted: " + brief(incident.evidence().output()));
        }
        return new ReplayResult.Prevented(incident.id(), out.succeeded() ? "the output no longer matches" : out.reason());
    }

    private static String brief(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

}
