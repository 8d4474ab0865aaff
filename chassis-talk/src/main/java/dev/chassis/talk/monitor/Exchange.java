package dev.chassis.talk.monitor;

import java.util.Objects;

/**
 * One question of an interview and the person's answer to it, for reading an interview offline as a live session
 * reads it ({@link ContradictionMonitor#overExchanges}).
 *
 * @param objective the objective the question was on ("" when not known: one topic throughout)
 * @param question  what the interviewer asked ("" when not known): kept with its answer for readers that weigh it (a model
 *                  judge, session 11's thread experiment); the word rules read the objective
 * @param answer    what the person said
 */
public record Exchange(String objective, String question, String answer) {

    public Exchange {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
