package dev.chassis.work.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * When a step runs: a test on an earlier step's output (a JSON Pointer into it). A step whose
 * condition is false is skipped, and so are the steps that need it.
 *
 * @param step   the earlier step
 * @param path   JSON Pointer into its output ({@code ""} for the whole output)
 * @param op     {@code equals}, {@code not-equals}, {@code exists}, {@code greater-than}, {@code less-than}, {@code contains}
 * @param value  what to compare with (text; numbers are compared as numbers)
 */
public record Condition(String step, String path, String op, String value) {

    public Condition {
        Objects.requireNonNull(step, "step");
        path = path == null ? "" : path;
        op = op == null ? "equals" : op;
        value = value == null ? "" : value;
        if (!java.util.Set.of("equals", "not-equals", "exists", "greater-than", "less-than", "contains").contains(op)) {
            throw new IllegalArgumentException("condition op must be equals, not-equals, exists, greater-than, less-than or contains, was '" + op + "'");
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
            case "exists" -> !v.isMissingNode() && !v.isNull();
            case "equals" -> text(v).equals(value);
            case "not-equals" -> !text(v).equals(value);
            case "contains" -> text(v).contains(value) || v.isArray() && contains(v, value);
            case "greater-than" -> v.isNumber() && v.asDouble() > Double.parseDouble(value);
            case "less-than" -> v.isNumber() && v.asDouble() < Double.parseDouble(value);
            default -> false;
        };
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
