package dev.chassis.talk.recall;

/**
 * An earlier moment worth recalling.
 *
 * @param how {@code keyword} or {@code meaning}
 */
public record Moment(int turn, String text, double score, String how) { }
