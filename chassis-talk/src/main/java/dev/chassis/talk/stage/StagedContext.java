package dev.chassis.talk.stage;

import dev.chassis.core.context.LeftOut;
import java.util.List;
import java.util.Objects;

/**
 * The context prepared before a session: a prefix of every prompt, byte-identical on every turn so
 * that provider prompt caching applies, plus the briefing it came from and what was left out.
 *
 * @param prefix  the staged text, placed first in every prompt
 * @param tokens  its size in the model's tokens
 * @param budget  the token budget it was packed into
 * @param leftOut what did not fit, and why
 */
public record StagedContext(Briefing briefing, String prefix, int tokens, int budget, List<String> included, List<LeftOut> leftOut) {

    public StagedContext {
        Objects.requireNonNull(briefing, "briefing");
        Objects.requireNonNull(prefix, "prefix");
        included = List.copyOf(included);
        leftOut = List.copyOf(leftOut);
    }

    /** A human-readable account of what was staged and what was left out. */
    public String report() {
        StringBuilder sb = new StringBuilder("staged ").append(tokens).append(" of ").append(budget).append(" tokens: ")
                .append(String.join(", ", included));
        if (!leftOut.isEmpty()) {
            sb.append("; left out: ");
            for (int i = 0; i < leftOut.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(leftOut.get(i));
            }
        }
        return sb.toString();
    }
}
