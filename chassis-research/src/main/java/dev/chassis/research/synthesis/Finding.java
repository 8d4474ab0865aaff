package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * One finding within a theme, supported by at least one verbatim quote.
 *
 * @param text     the finding, in a sentence
 * @param quotes   the evidence, each citing session and turn; never empty
 * @param sessions how many sessions support it
 */
public record Finding(String text, List<Quote> quotes, int sessions) {

    public Finding {
        Objects.requireNonNull(text, "text");
        quotes = List.copyOf(quotes);
        if (text.isBlank()) {
            throw new IllegalArgumentException("a finding needs text");
        }
        if (quotes.isEmpty()) {
            throw new IllegalArgumentException("a finding needs at least one quote: '" + text + "'");
        }
    }
}
