package dev.chassis.cli;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.EventSink;
import dev.chassis.work.observe.WorkEvent;

/**
 * For the kill tests: an event sink on the test class path (so every work harness gets it) that halts the
 * JVM, as {@code kill -9} would (no shutdown hooks, nothing flushed), at the point named by the system
 * property {@code chassis.test.haltAt}: {@code step-ended:<step>}, {@code tool-started:<step>:<tool>} (its
 * intent journaled, the tool not run) or {@code tool-called:<step>:<tool>} (the tool ran, its result not yet
 * durable). Inert without the property.
 */
public final class HaltAt implements EventSink {

    private static final String POINT = System.getProperty("chassis.test.haltAt", "");

    @Override
    public void accept(Event event) {
        if (POINT.isEmpty() || !(event instanceof WorkEvent e)) {
            return;
        }
        String here = switch (e) {
            case WorkEvent.StepEnded s -> "step-ended:" + s.step();
            case WorkEvent.ToolStarted t -> "tool-started:" + t.step() + ":" + t.tool();
            case WorkEvent.ToolCalled t -> "tool-called:" + t.step() + ":" + t.tool();
            default -> "";
        };
        if (here.equals(POINT)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
