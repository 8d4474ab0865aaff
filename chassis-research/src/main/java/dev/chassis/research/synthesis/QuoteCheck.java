package dev.chassis.research.synthesis;

/** The verdict on one quote: verified (with the transcript's exact words) or rejected with a reason. */
public sealed interface QuoteCheck {

    /** The quote as it was given. */
    Quote given();

    /** The quote occurs in the cited turn; {@code exact} carries the transcript's own words for it. */
    record Verified(Quote given, Quote exact) implements QuoteCheck {
    }

    /** The quote does not occur in the cited participant turn; {@code reason} says what to change. */
    record Rejected(Quote given, String reason) implements QuoteCheck {
    }
}
