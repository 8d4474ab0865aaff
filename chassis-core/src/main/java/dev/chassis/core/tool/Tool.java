package dev.chassis.core.tool;

/**
 * A tool a model can call. Implementations are thread-safe.
 *
 * <pre>{@code
 * Tool clock = Tool.of(ToolSpec.of("now", "The current time", ToolSpec.NO_PARAMETERS),
 *         call -> new ToolResult.Ok(Instant.now().toString()));
 * }</pre>
 */
public interface Tool {

    ToolSpec spec();

    /**
     * Runs the call. Exceptions are turned into {@link ToolResult.Failed} by the {@link ToolRunner}.
     *
     * @throws Exception when the tool fails
     */
    ToolResult invoke(ToolCall call) throws Exception;

    /** A tool from a spec and a function. */
    static Tool of(ToolSpec spec, Handler handler) {
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return spec;
            }

            @Override
            public ToolResult invoke(ToolCall call) throws Exception {
                return handler.invoke(call);
            }

            @Override
            public String toString() {
                return "Tool[" + spec.name() + "]";
            }
        };
    }

    /** The body of a tool. */
    @FunctionalInterface
    interface Handler {
        ToolResult invoke(ToolCall call) throws Exception;
    }
}
