package dev.chassis.core.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened, precisely enough to replay it.
 *
 * @param source  the run or session it happened in
 * @param where   the step (work) or turn (talk)
 * @param input   what the agent was given (the step's input, or the person's words)
 * @param output  what the agent produced: the recorded model output, replayed verbatim
 * @param context earlier turns or step outputs needed to reach the same point (talk: the person's turns before)
 */
public record Evidence(String source, String where, String input, String output, List<String> context, Map<String, String> details) {

    public Evidence {
        source = Objects.requireNonNullElse(source, "");
        where = Objects.requireNonNullElse(where, "");
        input = Objects.requireNonNullElse(input, "");
        output = Objects.requireNonNullElse(output, "");
        context = context == null ? List.of() : List.copyOf(context);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
