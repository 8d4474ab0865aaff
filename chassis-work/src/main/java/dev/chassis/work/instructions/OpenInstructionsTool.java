package dev.chassis.work.instructions;

import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;

/** The {@code open_instructions(path)} tool: returns a document of the instruction map. Reads are journaled like any call. */
public final class OpenInstructionsTool implements Tool {

    public static final String NAME = "open_instructions";
    private static final ToolSpec SPEC = ToolSpec.of(NAME,
            "Open a document of the instruction map, by the path its link gives (for example 'recruiting/screening.md').",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\",\"description\":\"the document's path\"}},\"required\":[\"path\"]}");

    private final InstructionMap map;

    public OpenInstructionsTool(InstructionMap map) {
        this.map = map;
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult invoke(ToolCall call) {
        String path = call.argumentsJson().map(j -> j.path("path").asText("")).orElse("");
        if (path.isBlank()) {
            return new ToolResult.Refused("give the document's path, e.g. {\"path\": \"" + map.documents().getLast() + "\"}");
        }
        return map.open(path).<ToolResult>map(ToolResult.Ok::new)
                .orElseGet(() -> new ToolResult.Refused("no document '" + path + "' in the instruction map; documents: "
                        + String.join(", ", map.documents())));
    }
}
