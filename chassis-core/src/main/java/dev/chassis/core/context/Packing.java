package dev.chassis.core.context;

import java.util.List;

/**
 * The result of {@link ContextPacker#pack}: the included items in their input order, every item
 * left out with its reason, and the tokens used of the budget.
 */
public record Packing(List<ContextItem> included, List<LeftOut> leftOut, int tokens, int budget, String separator) {

    public Packing {
        included = List.copyOf(included);
        leftOut = List.copyOf(leftOut);
    }

    /** The included items' text joined by the separator: the packed context itself. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (ContextItem item : included) {
            if (!sb.isEmpty()) {
                sb.append(separator);
            }
            sb.append(item.text());
        }
        return sb.toString();
    }

    public boolean isComplete() {
        return leftOut.isEmpty();
    }
}
