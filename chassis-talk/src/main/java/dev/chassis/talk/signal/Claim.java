package dev.chassis.talk.signal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the person stated as fact, kept with where it was said.
 *
 * @param turn     the user turn it came from
 * @param quote    the sentence, verbatim
 * @param subject  its content terms (stemmed, lower case), used to match later claims
 * @param negated  whether it is a negative statement ("I don't use it")
 * @param quantity a number it states, if any
 * @param unit     what the number counts, if known (years, times, people, hours...)
 * @param frequency a frequency word it states, normalised (never, rarely, sometimes, often, always), if any
 * @param year     a calendar year it states, if any
 * @param topic    the objective the conversation was on when it was said
 */
public record Claim(int turn, String quote, List<String> subject, boolean negated, Optional<Double> quantity,
                    Optional<String> unit, Optional<String> frequency, Optional<Integer> year, String topic) {

    public Claim {
        Objects.requireNonNull(quote, "quote");
        subject = List.copyOf(subject);
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(topic, "topic");
    }
}
