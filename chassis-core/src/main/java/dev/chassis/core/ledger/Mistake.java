package dev.chassis.core.ledger;

import java.util.Objects;

/**
 * How to recognise the mistake when replaying: the check a replay runs on what the harness produces
 * now.
 *
 * @param kind    {@code output-matches} (the output matches {@code pattern}), {@code tool-called} (a call to the tool
 *                named {@code pattern} went through), or {@code directive-is} (talk: the directive at the turn is
 *                of kind {@code pattern})
 * @param pattern a regex, a tool name or a directive kind, by {@code kind}
 */
public record Mistake(String kind, String pattern) {

    public static final String OUTPUT_MATCHES = "output-matches";
    public static final String TOOL_CALLED = "tool-called";
    public static final String DIRECTIVE_IS = "directive-is";

    public Mistake {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        if (!kind.equals(OUTPUT_MATCHES) && !kind.equals(TOOL_CALLED) && !kind.equals(DIRECTIVE_IS)) {
            throw new IllegalArgumentException("mistake kind must be output-matches, tool-called or directive-is, was '" + kind + "'");
        }
    }
}
