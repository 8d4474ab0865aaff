package dev.chassis.core.tool;

import java.util.Objects;

/** What came of a tool call: a closed set, decided by {@code switch}. */
public sealed interface ToolResult {

    /** The text handed back to the model. */
    String content();

    /** The tool ran; {@code content} is its result (JSON for typed tools). */
    record Ok(String content) implements ToolResult {
        public Ok {
            Objects.requireNonNull(content, "content");
        }
    }

    /** The tool ran and failed; {@code retryable} when the same call may succeed later. */
    record Failed(String message, boolean retryable) implements ToolResult {
        @Override
        public String content() {
            return "error: " + message;
        }
    }

    /** The tool did not run: the policy denied it, or the call named an unknown tool or bad arguments. */
    record Refused(String reason) implements ToolResult {
        @Override
        public String content() {
            return "refused: " + reason;
        }
    }
}
