package dev.chassis.temporal.wire;

import dev.chassis.work.journal.RunEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool call; {@code key} is also its idempotency key (a call tried again after a worker died has the same).
 *
 * @param decided a person's decision on this call, when the policy asked about it
 */
public record ToolRequest(RunEvent.Started run, String key, String step, String tool, String arguments, Optional<RunEvent.Decided> decided) {

    public ToolRequest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(key, "key");
        decided = Objects.requireNonNullElse(decided, Optional.empty());
    }
}
