package dev.chassis.talk.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's health: whether its journal takes what is said ({@code saving}) and whether its model
 * answers ({@code model}); each is empty while fine, or the problem in plain words and since when.
 * While saving fails nothing is lost: events wait in memory and a turn is confirmed once they are
 * written. While the model fails, replies come from the fallback engine. Immutable.
 *
 * @param saving a problem writing the session's journal, if any
 * @param model  a problem with the session's model, if any
 */
public record SessionHealth(Optional<Problem> saving, Optional<Problem> model) {

    /** Saving and answering as they should. */
    public static final SessionHealth OK = new SessionHealth(Optional.empty(), Optional.empty());

    public SessionHealth {
        Objects.requireNonNull(saving, "saving");
        Objects.requireNonNull(model, "model");
    }

    /**
     * What is wrong and since when.
     *
     * @param reason in plain words, for a person (never an exception's class)
     * @param since  when it was first seen
     */
    public record Problem(String reason, Instant since) {
        public Problem {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }
    }

    /** True when the session saves and its model answers. */
    public boolean ok() {
        return saving.isEmpty() && model.isEmpty();
    }

    public SessionHealth withSaving(Optional<Problem> problem) {
        return new SessionHealth(problem, model);
    }

    public SessionHealth withModel(Optional<Problem> problem) {
        return new SessionHealth(saving, problem);
    }
}
