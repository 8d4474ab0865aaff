package dev.chassis.core.event;

import java.time.Instant;

/**
 * Something that happened, with when. A closed set at the top: model events, tool events, and the
 * harnesses' own events, which they declare as sealed subtypes of {@link HarnessEvent}.
 */
public sealed interface Event permits ModelEvent, ToolEvent, HarnessEvent {

    /** Wall-clock time of the event, for logs and traces. Durations inside events are monotonic. */
    Instant at();
}
