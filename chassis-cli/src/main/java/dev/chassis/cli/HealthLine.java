package dev.chassis.cli;

import dev.chassis.core.event.Event;
import dev.chassis.core.event.EventSink;
import dev.chassis.talk.health.SessionHealth;
import dev.chassis.talk.observe.TalkEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a session's health changes into plain status lines for the terminal: the model failing (a provider's
 * error, or its circuit breaker refusing calls) and answering again; answers not being saved and saved again.
 * Nothing degrades silently on the command line either. Thread-safe.
 */
final class HealthLine implements EventSink {

    private final Consumer<String> out;
    private SessionHealth last = SessionHealth.OK; // guarded by this

    HealthLine(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(Event event) {
        if (event instanceof TalkEvent.HealthChanged changed) {
            lines(last, changed.health()).forEach(out);
            last = changed.health();
        }
    }

    /** The lines that say what changed between two healths (none when nothing did). */
    static List<String> lines(SessionHealth before, SessionHealth now) {
        List<String> lines = new ArrayList<>();
        if (before.model().isEmpty() && now.model().isPresent()) {
            lines.add("[status: the model is failing (" + now.model().get().reason()
                    + "); replies come from the offline engine until it answers again]");
        } else if (before.model().isPresent() && now.model().isEmpty()) {
            lines.add("[status: the model answers again]");
        }
        if (before.saving().isEmpty() && now.saving().isPresent()) {
            lines.add("[status: answers are not being saved (" + now.saving().get().reason()
                    + "); the interview waits and saves everything once storage works again]");
        } else if (before.saving().isPresent() && now.saving().isEmpty()) {
            lines.add("[status: answers are saved again; nothing was lost]");
        }
        return lines;
    }
}
