package dev.chassis.core.event;

/**
 * The harnesses' own events (turns, monitors, steps, gates). Each harness declares a sealed
 * sub-interface of this, so its events stay a closed set while core knows none of them.
 */
public non-sealed interface HarnessEvent extends Event {

    /** A short kind name for logs, for example {@code turn.finished} or {@code gate.failed}. */
    String kind();
}
