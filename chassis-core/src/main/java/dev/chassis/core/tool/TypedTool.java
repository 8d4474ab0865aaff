package dev.chassis.core.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * A tool whose arguments bind to a Java type (a record) and whose result is serialised as JSON.
 * Arguments that do not bind are refused with the reason, so the model can correct them.
 *
 * <pre>{@code
 * record Lookup(String participantId) { }
 * Tool t = TypedTool.of(spec, Lookup.class, args -> pool.find(args.participantId()));
 * }</pre>
 *
 * @param <A> the arguments type
 * @param <R> the result type (serialised with Jackson; a String is passed through as is)
 */
public final class TypedTool<A, R> implements Tool {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .findAndRegisterModules();

    private final ToolSpec spec;
    private final Class<A> argumentsType;
    private final Function<A, R> function;

    private TypedTool(ToolSpec spec, Class<A> argumentsType, Function<A, R> function) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.argumentsType = Objects.requireNonNull(argumentsType, "argumentsType");
        this.function = Objects.requireNonNull(function, "function");
    }

    public static <A, R> TypedTool<A, R> of(ToolSpec spec, Class<A> argumentsType, Function<A, R> function) {
        return new TypedTool<>(spec, argumentsType, function);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolResult invoke(ToolCall call) throws Exception {
        A args;
        try {
            args = JSON.readValue(call.arguments(), argumentsType);
        } catch (JsonProcessingException e) {
            return new ToolResult.Refused("arguments do not match " + spec.name() + "'s parameters: " + e.getOriginalMessage());
        }
        R result = function.apply(args);
        return new ToolResult.Ok(result instanceof String s ? s : JSON.writeValueAsString(result));
    }

    /** The typed body of a tool. */
    @FunctionalInterface
    public interface Function<A, R> {
        R apply(A arguments) throws Exception;
    }
}
