package dev.chassis.work.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.journal.Journal;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.StepStatus;
import java.util.Locale;

/** {@code earlier_runs(workflow?, query?)}: earlier runs from the journal, with their status and step outputs. */
public final class EarlierRunsTool implements Tool {

    public static final String NAME = "earlier_runs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolSpec SPEC = ToolSpec.of(NAME, "Look up earlier runs: their workflow, status and step outputs, "
                    + "optionally only those of a workflow or whose outputs mention a query.",
            "{\"type\":\"object\",\"properties\":{\"workflow\":{\"type\":\"string\"},\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\"}}}");

    private final Journal journal;

    public EarlierRunsTool(Journal journal) {
        this.journal = journal;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult invoke(ToolCall call) {
        String workflow = call.argumentsJson().map(j -> j.path("workflow").asText("")).orElse("");
        String query = call.argumentsJson().map(j -> j.path("query").asText("")).orElse("").toLowerCase(Locale.ROOT);
        int limit = call.argumentsJson().map(j -> j.path("limit").asInt(5)).orElse(5);
        ArrayNode out = JSON.createArrayNode();
        for (String id : journal.streams().reversed()) {
            if (out.size() >= limit) {
                break;
            }
            RunRecord r = RunRecord.load(id, journal);
            var started = r.events(RunEvent.Started.class);
            if (started.isEmpty() || !workflow.isBlank() && !started.getFirst().workflow().equals(workflow)) {
                continue;
            }
            ObjectNode run = JSON.createObjectNode().put("run", id).put("workflow", started.getFirst().workflow());
            run.put("status", r.events(RunEvent.Finished.class).stream().map(f -> f.status().label()).findFirst().orElse("unfinished"));
            ObjectNode outputs = run.putObject("outputs");
            boolean matches = query.isBlank();
            for (RunEvent.StepEnded e : r.events(RunEvent.StepEnded.class)) {
                if (e.status() == StepStatus.SUCCEEDED) {
                    String text = e.output().length() > 600 ? e.output().substring(0, 600) + "…" : e.output();
                    outputs.put(e.step(), text);
                    matches |= e.output().toLowerCase(Locale.ROOT).contains(query);
                }
            }
            if (matches) {
                out.add(run);
            }
        }
        return new ToolResult.Ok(out.toString());
    }
}
