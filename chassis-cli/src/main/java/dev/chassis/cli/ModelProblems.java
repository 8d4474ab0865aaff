package dev.chassis.cli;

import dev.chassis.core.model.ModelException;
import java.time.Duration;

/**
 * A model failure as a person at a terminal should read it: what happened, in plain words, and what to do about it;
 * never a protocol detail such as "stream broken after 0 characters".
 */
final class ModelProblems {

    private ModelProblems() {
    }

    static String plain(ModelException e) {
        String model = e.model();
        return switch (e) {
            case ModelException.Timeout t -> model + " gave no complete reply within " + seconds(t.after())
                    + "; it may be overloaded: try again, or allow longer with --timeout";
            case ModelException.RateLimited r -> model + " is limiting how often it may be called (rate limited)"
                    + r.retryAfter().map(d -> "; try again in " + seconds(d)).orElse("; wait a moment and try again");
            case ModelException.ServerError s -> "the model server failed" + (s.status() > 0 ? " (HTTP " + s.status() + ")" : "")
                    + "; try again in a moment";
            case ModelException.StreamBroken b -> b.partialText().isEmpty()
                    ? "the connection to " + model + " broke before the reply began; try again"
                    : "the connection to " + model + " broke part-way through the reply; try again";
            case ModelException.MalformedReply m -> model + " sent something that is not a reply this program can read; check that "
                    + "the address points at a server speaking the provider's protocol, then try again";
            case ModelException.Cancelled c -> "the reply was stopped";
            case ModelException.Unavailable u -> u.getMessage();   // already says what happened and what to check
            case ModelException.Configuration c -> c.getMessage();
        };
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, Math.round(d.toMillis() / 1000.0));
        return s + (s == 1 ? " second" : " seconds");
    }
}
