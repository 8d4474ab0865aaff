package dev.chassis.talk.monitor;

import dev.chassis.core.event.Event;
import dev.chassis.talk.signal.Signal;
import java.util.List;

/**
 * What the monitors' glances at a turn found, not yet reported: the turn's path may glance while it still decides
 * whether the words are an answer at all (the take-over guard, beside it), and an attempt to take over is no answer, so
 * then nothing of it is reported. {@link MonitorRunner#report} makes it count as {@link MonitorRunner#observeNow} would.
 *
 * @param signals  the glances' signals, in the monitors' order
 * @param events   the events the glances would have sent ({@code MonitorFinished}, {@code MonitorFailed}), in order
 * @param failures glances that threw
 */
public record Glanced(List<Signal> signals, List<Event> events, int failures) {
    public Glanced {
        signals = List.copyOf(signals);
        events = List.copyOf(events);
    }
}
