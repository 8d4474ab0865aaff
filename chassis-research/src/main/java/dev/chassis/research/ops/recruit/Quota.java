package dev.chassis.research.ops.recruit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chassis.research.ops.pool.Participant;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A quota on one value of a pool column: at least {@code min} and/or at most {@code max} of the selected
 * participants have it. {@code {field: role, value: designer, max: 2}}.
 */
public record Quota(String field, String value, OptionalInt min, OptionalInt max) {

    @JsonCreator
    public Quota(@JsonProperty("field") String field, @JsonProperty("value") String value,
                 @JsonProperty("min") OptionalInt min, @JsonProperty("max") OptionalInt max) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a quota needs a field (a pool column)");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("quota on '" + field + "' needs a value");
        }
        this.field = field;
        this.value = value;
        this.min = min == null ? OptionalInt.empty() : min;
        this.max = max == null ? OptionalInt.empty() : max;
        if (this.min.isEmpty() && this.max.isEmpty()) {
            throw new IllegalArgumentException("quota on " + field + "=" + value + " needs min or max");
        }
        if (this.min.orElse(0) < 0 || this.max.orElse(0) < 0 || this.min.orElse(0) > this.max.orElse(Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("quota on " + field + "=" + value + " needs 0 <= min <= max");
        }
    }

    public boolean applies(Participant p) {
        return p.field(field).map(v -> v.strip().toLowerCase(Locale.ROOT).equals(value.strip().toLowerCase(Locale.ROOT))).orElse(false);
    }

    public String describe() {
        return field + "=" + value;
    }
}
