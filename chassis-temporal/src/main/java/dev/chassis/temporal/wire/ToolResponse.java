package dev.chassis.temporal.wire;

import dev.chassis.work.journal.RunEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What came of a tool call: the events it journaled (the call started, and finished or was refused), or,
 * when the policy says a person must allow it first, what to ask (nothing ran).
 *
 * @param askReason why a person must allow it (the policy rule's reason), when it asks
 * @param asks      the call as the person should see it, when it asks
 */
public record ToolResponse(List<RunEvent> events, Optional<String> askReason, Optional<String> asks) {

    public ToolResponse {
        events = List.copyOf(events == null ? List.of() : events);
        askReason = Objects.requireNonNullElse(askReason, Optional.empty());
        asks = Objects.requireNonNullElse(asks, Optional.empty());
    }

    public static ToolResponse ran(List<RunEvent> events) {
        return new ToolResponse(events, Optional.empty(), Optional.empty());
    }

    public static ToolResponse ask(String reason, String asks) {
        return new ToolResponse(List.of(), Optional.of(reason), Optional.of(asks));
    }
}
