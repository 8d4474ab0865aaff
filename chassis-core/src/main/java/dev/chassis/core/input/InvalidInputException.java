package dev.chassis.core.input;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Bad input from a user, located precisely. The message is one line a person can act on (line breaks in a
 * quoted value are shown as {@code \n}):
 * {@code guide.yaml:12: objectives[1].priority: must be between 1 and 5, was 9}.
 *
 * <p>Command-line tools print {@link #getMessage()} alone; servers return it in a 4xx body.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    /**
     * @param source  file name or payload name ("request body"); may be empty when unknown
     * @param line    1-based line, or 0 when unknown
     * @param field   path of the field ({@code objectives[1].priority}); may be empty
     * @param problem what is wrong and what to do
     */
    public InvalidInputException(String source, int line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public InvalidInputException(String source, int line, String field, String problem, Throwable cause) {
        super(format(source, line, field, problem), cause);
        this.source = Objects.requireNonNullElse(source, "");
        this.line = Math.max(0, line);
        this.field = Objects.requireNonNullElse(field, "");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Optional<String> source() {
        return source.isEmpty() ? Optional.empty() : Optional.of(source);
    }

    public OptionalInt line() {
        return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    public Optional<String> field() {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }

    public String problem() {
        return problem;
    }

    /** The same error with a source name, for readers that learn the file name late. */
    public InvalidInputException withSource(String newSource) {
        return new InvalidInputException(newSource, line, field, problem, getCause());
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        // one line whatever the problem quotes: a value with a line break in it shows the break as \n
        return sb.append(problem.replace("\r", "\\r").replace("\n", "\\n")).toString();
    }
}
