package dev.chassis.talk.judge;

import java.time.Duration;

/** What came of asking a judge: its parsed answer, or why the lexical verdict stands. A closed set. */
sealed interface Verdict<A> {

    Duration took();

    /** The outcome's name, for events and counters. */
    String outcome();

    record Answered<A>(A answer, Duration took) implements Verdict<A> {
        public String outcome() {
            return "answered";
        }
    }

    /** No answer within the budget: whatever comes later is dropped. */
    record Late<A>(Duration took) implements Verdict<A> {
        public String outcome() {
            return "late";
        }
    }

    /** The model call failed (down, refused, rate-limited). */
    record Failed<A>(String reason, Duration took) implements Verdict<A> {
        public String outcome() {
            return "failed";
        }
    }

    /** An answer that is not the JSON asked for, or not grounded in the turn. */
    record Malformed<A>(String reason, Duration took) implements Verdict<A> {
        public String outcome() {
            return "malformed";
        }
    }
}
