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
 * @param quantity a number it states, if any (the lower end of a range: "between 20 and 30")
 * @param upTo     the upper end when the number is a range ("20 to 30 minutes"), else empty
 * @param unit     what the number counts, if known (years, times, people, hours...)
 * @param frequency a frequency word it states, normalised (never, rarely, sometimes, often, always), if any
 * @param year     a calendar year it states, if any
 * @param perDay   how many times a day a rate it states comes to ("twice a week": 0.29), when it says one in numbers or periods
 * @param topic    the objective the conversation was on when it was said
 */
public record Claim(int turn, String quote, List<String> subject, boolean negated, Optional<Double> quantity, Optional<Double> upTo,
                    Optional<String> unit, Optional<String> frequency, Optional<Integer> year, String topic, Optional<Double> perDay) {

    public Claim {
        perDay = perDay == null ? Optional.empty() : perDay;   // claims journaled before rates were kept have none
        Objects.requireNonNull(quote, "quote");
        subject = List.copyOf(subject);
        Objects.requireNonNull(quantity, "quantity");
        upTo = upTo == null ? Optional.empty() : upTo;   // claims journaled before ranges were read have none
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(topic, "topic");
    }

    /** A claim whose number (if any) is a single value, not a range. */
    public Claim(int turn, String quote, List<String> subject, boolean negated, Optional<Double> quantity,
                 Optional<String> unit, Optional<String> frequency, Optional<Integer> year, String topic) {
        this(turn, quote, subject, negated, quantity, Optional.empty(), unit, frequency, year, topic, Optional.empty());
    }

    /** A claim with a number that may be a range, and no rate in numbers. */
    public Claim(int turn, String quote, List<String> subject, boolean negated, Optional<Double> quantity, Optional<Double> upTo,
                 Optional<String> unit, Optional<String> frequency, Optional<Integer> year, String topic) {
        this(turn, quote, subject, negated, quantity, upTo, unit, frequency, year, topic, Optional.empty());
    }

    /** This claim with the rate it states, per day. */
    public Claim withPerDay(Optional<Double> rate) {
        return new Claim(turn, quote, subject, negated, quantity, upTo, unit, frequency, year, topic, rate);
    }
}
