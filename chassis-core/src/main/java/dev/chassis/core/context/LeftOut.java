package dev.chassis.core.context;

/**
 * An item a packing did not include, and why.
 *
 * @param tokens what the item would have cost
 */
public record LeftOut(ContextItem item, int tokens, Reason reason, String detail) {

    /** Why an item was left out. */
    public enum Reason {
        /** It did not fit in what was left of the budget. */
        OVER_BUDGET,
        /** An item of higher priority was already left out, so nothing of lower priority may be kept. */
        OUTRANKED
    }

    @Override
    public String toString() {
        return item.id() + " (" + tokens + " tokens, priority " + item.priority() + "): " + detail;
    }
}
