package dev.chassis.core.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every event as one line to SLF4J (logger {@code chassis.events}): failures at WARN,
 * everything else at DEBUG. Event records carry no secrets; API keys never reach them.
 */
public final class LoggingEventSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger("chassis.events");

    @Override
    public void accept(Event event) {
        switch (event) {
            case ModelEvent.Failed f -> LOG.warn("{}", f);
            case ToolEvent.PolicyDecided d when d.verdict() == ToolEvent.Verdict.DENIED -> LOG.info("{}", d);
            default -> {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{}", event);
                }
            }
        }
    }
}
