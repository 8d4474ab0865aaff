package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chassis.core.tool.ToolResult;

/** How a tool call came out: a closed set, journaled (in {@link RunEvent.ToolFinished}) by its lower-case name. */
public enum ToolOutcome {
    @JsonProperty("ok") OK,
    @JsonProperty("error") ERROR,
    /** The tool did not run: the policy or a person refused it, or it is unknown. */
    @JsonProperty("refused") REFUSED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ToolOutcome of(ToolResult result) {
        return switch (result) {
            case ToolResult.Ok ok -> OK;
            case ToolResult.Failed f -> ERROR;
            case ToolResult.Refused r -> REFUSED;
        };
    }

    /** The text journaled for a result: what the tool answered, its error, or why it was refused. */
    public static String content(ToolResult result) {
        return switch (result) {
            case ToolResult.Ok ok -> ok.content();
            case ToolResult.Failed f -> f.message();
            case ToolResult.Refused r -> r.reason();
        };
    }

    /** The result a journaled outcome and content stand for, as replayed to the model. */
    public ToolResult result(String content) {
        return switch (this) {
            case OK -> new ToolResult.Ok(content);
            case ERROR -> new ToolResult.Failed(content, false);
            case REFUSED -> new ToolResult.Refused(content);
        };
    }
}
