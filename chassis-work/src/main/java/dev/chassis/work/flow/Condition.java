package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a step runs: a test on an earlier step's output (a JSON Pointer into it). A step whose
 * condition is false is skipped, and so are the steps that need it.
 *
 * @param step   the earlier step
 * @param path   JSON Pointer into its output ({@code ""} for the whole output)
 * @param op     how the value is compared
 * @param value  what to compare with (text; numbers are compared as numbers)
 */
public record Condition(String step, String path, Op op, String value) {

    /** How a condition compares: a closed set, written in YAML by {@link #label()}. */
    public enum Op {
        EQUALS, NOT_EQUALS, EXISTS, GREATER_THAN, LESS_THAN, CONTAINS;

        /** The name in YAML: {@code equals}, {@code not-equals}, {@code exists}, {@code greater-than}, {@code less-than}, {@code contains}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The op written as {@code label}, if there is one. */
        public static Optional<Op> of(String label) {
            return Arrays.stream(values()).filter(o -> o.label().equals(label)).findFirst();
        }

        /** Every label, for messages. */
        public static String labels() {
            return String.join(", ", Arrays.stream(values()).map(Op::label).toList());
        }
    }

    public Condition {
        Objects.requireNonNull(step, "step");
        path = path == null ? "" : path;
        Objects.requireNonNull(op, "op");
        value = value == null ? "" : value;
        if ((op == Op.GREATER_THAN || op == Op.LESS_THAN) && !isNumber(value)) {
            throw new IllegalArgumentException("a " + op.label() + " condition compares with a number, not '" + value + "'");
        }
    }

    /** Whether the condition holds for the outputs so far. */
    public boolean test(Map<String, JsonNode> outputs) {
        JsonNode out = outputs.get(step);
        if (out == null) {
            return false;
        }
        JsonNode v = path.isEmpty() ? out : out.at(path);
        return switch (op) {
            case EXISTS -> !v.isMissingNode() && !v.isNull();
            case EQUALS -> text(v).equals(value);
            case NOT_EQUALS -> !text(v).equals(value);
            case CONTAINS -> text(v).contains(value) || v.isArray() && contains(v, value);
            case GREATER_THAN -> v.isNumber() && v.asDouble() > Double.parseDouble(value);
            case LESS_THAN -> v.isNumber() && v.asDouble() < Double.parseDouble(value);
        };
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (text(n).equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode v) {
        return v.isMissingNode() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }
}
