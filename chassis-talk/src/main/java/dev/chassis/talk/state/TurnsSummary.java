package dev.chassis.talk.state;

/** A compacted stretch of the conversation: turns {@code fromTurn..toTurn} in a few sentences. */
public record TurnsSummary(int fromTurn, int toTurn, String text) { }
