package dev.chassis.research.ops.recruit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chassis.research.ops.pool.Participant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One screener rule over a pool column: exactly one of {@code equals}, {@code in}, {@code matches}, or a
 * numeric {@code min}/{@code max} range. Text comparisons ignore case and surrounding blanks.
 *
 * <pre>{@code
 * require:
 *   - {field: role, in: [designer, engineer]}
 *   - {field: age, min: 18}
 * exclude:
 *   - {field: email, matches: ".*@competitor\\.com"}
 * }</pre>
 */
public record ScreenerRule(String field, Optional<String> equals, List<String> in, Optional<String> matches,
                           OptionalDouble min, OptionalDouble max) {

    @JsonCreator
    public ScreenerRule(@JsonProperty("field") String field, @JsonProperty("equals") Optional<String> equals,
                        @JsonProperty("in") List<String> in, @JsonProperty("matches") Optional<String> matches,
                        @JsonProperty("min") OptionalDouble min, @JsonProperty("max") OptionalDouble max) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a rule needs a field (a pool column)");
        }
        this.field = field;
        this.equals = equals == null ? Optional.empty() : equals;
        this.in = in == null ? List.of() : List.copyOf(in);
        this.matches = matches == null ? Optional.empty() : matches;
        this.min = min == null ? OptionalDouble.empty() : min;
        this.max = max == null ? OptionalDouble.empty() : max;
        int kinds = (this.equals.isPresent() ? 1 : 0) + (this.in.isEmpty() ? 0 : 1) + (this.matches.isPresent() ? 1 : 0)
                + (this.min.isPresent() || this.max.isPresent() ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("rule on '" + field + "' needs exactly one of equals, in, matches, or min/max; it has " + kinds);
        }
        this.matches.ifPresent(regex -> {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matches: '" + regex + "' is not a valid regular expression: " + e.getDescription());
            }
        });
    }

    /** Empty when the participant passes; otherwise why not, for example {@code role is 'sales', not one of [designer]}. */
    public Optional<String> failure(Participant p) {
        Optional<String> value = p.field(field).map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.of(field + " is empty");
        }
        String v = value.get();
        if (equals.isPresent()) {
            return norm(v).equals(norm(equals.get())) ? Optional.empty() : Optional.of(field + " is '" + v + "', not '" + equals.get() + "'");
        }
        if (!in.isEmpty()) {
            return in.stream().anyMatch(x -> norm(x).equals(norm(v))) ? Optional.empty()
                    : Optional.of(field + " is '" + v + "', not one of " + in);
        }
        if (matches.isPresent()) {
            return Pattern.compile(matches.get(), Pattern.CASE_INSENSITIVE).matcher(v).matches() ? Optional.empty()
                    : Optional.of(field + " '" + v + "' does not match " + matches.get());
        }
        double number;
        try {
            number = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Optional.of(field + " is '" + v + "', not a number");
        }
        if (min.isPresent() && number < min.getAsDouble()) {
            return Optional.of(field + " is " + v + ", below " + fmt(min.getAsDouble()));
        }
        if (max.isPresent() && number > max.getAsDouble()) {
            return Optional.of(field + " is " + v + ", above " + fmt(max.getAsDouble()));
        }
        return Optional.empty();
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
