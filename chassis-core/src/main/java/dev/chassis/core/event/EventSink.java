package dev.chassis.core.event;

import java.util.List;

/**
 * Consumes events. Called on the emitting thread, often a turn's critical path: be quick, never
 * block, never throw (a sink that needs I/O queues and writes elsewhere).
 *
 * <pre>{@code
 * EventSink sink = EventSink.of(new LoggingEventSink(), events::add);
 * }</pre>
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that drops everything. */
    EventSink NONE = event -> { };

    void accept(Event event);

    /** A sink that forwards to each of {@code sinks} in order; one that throws does not stop the others. */
    static EventSink of(EventSink... sinks) {
        List<EventSink> all = List.of(sinks);
        if (all.size() == 1) {
            return all.getFirst();
        }
        return event -> {
            for (EventSink s : all) {
                try {
                    s.accept(event);
                } catch (RuntimeException e) {
                    // A broken sink must not break the harness; the others still see the event.
                }
            }
        };
    }
}
