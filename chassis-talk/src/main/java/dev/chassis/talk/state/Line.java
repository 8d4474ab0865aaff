package dev.chassis.talk.state;

import java.time.Instant;

/**
 * One line of the transcript.
 *
 * @param turn   the user turn it belongs to (0 for the opening)
 * @param cutOff true when the agent was interrupted and only this much was delivered
 */
public record Line(int turn, Speaker speaker, String text, Instant at, boolean cutOff) {

    /** Who spoke. */
    public enum Speaker { AGENT, USER }
}
