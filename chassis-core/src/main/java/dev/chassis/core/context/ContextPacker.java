package dev.chassis.core.context;

import dev.chassis.core.token.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Fits prioritised {@link ContextItem}s into a token budget.
 *
 * <p>Rules: required items always go in (or the packing fails with {@link ContextOverflowException});
 * then optional items by descending priority, ties in input order, each kept if it fits. Once an
 * item is left out, nothing of lower priority is kept, so a higher-priority item is never dropped
 * while a lower one stays. The result keeps the input order, so the same items give the same text.
 * Each item costs its own tokens plus the separator's.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Packing p = new ContextPacker(Tokenizers.defaultTokenizer()).pack(items, 4_000);
 * p.leftOut().forEach(l -> log.info("left out {}", l));
 * }</pre>
 */
public final class ContextPacker {

    public static final String DEFAULT_SEPARATOR = "\n\n";

    private final Tokenizer tokenizer;
    private final String separator;
    private final int separatorTokens;

    public ContextPacker(Tokenizer tokenizer) {
        this(tokenizer, DEFAULT_SEPARATOR);
    }

    public ContextPacker(Tokenizer tokenizer, String separator) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        this.separator = Objects.requireNonNull(separator, "separator");
        this.separatorTokens = tokenizer.count(separator);
    }

    /**
     * Packs {@code items} into {@code budget} tokens.
     *
     * @throws ContextOverflowException when the required items alone exceed the budget
     * @throws IllegalArgumentException when the budget is negative or two items share an id
     */
    public Packing pack(List<ContextItem> items, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget must not be negative, was " + budget);
        }
        int n = items.size();
        int[] cost = new int[n];
        Set<String> ids = new HashSet<>();
        int requiredTokens = 0;
        List<ContextItem> required = new ArrayList<>();
        List<Integer> requiredCosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ContextItem item = items.get(i);
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("two context items share the id '" + item.id() + "'");
            }
            cost[i] = tokenizer.count(item.text()) + (i == 0 ? 0 : separatorTokens);
            if (item.required()) {
                requiredTokens += cost[i];
                required.add(item);
                requiredCosts.add(cost[i]);
            }
        }
        if (requiredTokens > budget) {
            throw new ContextOverflowException(required, requiredCosts, requiredTokens, budget);
        }

        boolean[] keep = new boolean[n];
        LeftOut[] left = new LeftOut[n];
        int used = requiredTokens;
        for (int i = 0; i < n; i++) {
            keep[i] = items.get(i).required();
        }
        List<Integer> optional = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!keep[i]) optional.add(i);
        }
        optional.sort(Comparator.<Integer>comparingInt(i -> -items.get(i).priority()).thenComparingInt(i -> i));
        Integer droppedPriority = null;
        String droppedId = null;
        for (int i : optional) {
            ContextItem item = items.get(i);
            if (droppedPriority != null && item.priority() < droppedPriority) {
                left[i] = new LeftOut(item, cost[i], LeftOut.Reason.OUTRANKED,
                        "priority " + item.priority() + " is below '" + droppedId + "' (priority " + droppedPriority + "), which did not fit");
                continue;
            }
            if (used + cost[i] <= budget) {
                keep[i] = true;
                used += cost[i];
            } else {
                left[i] = new LeftOut(item, cost[i], LeftOut.Reason.OVER_BUDGET,
                        "needs " + cost[i] + " tokens, " + (budget - used) + " of " + budget + " left");
                if (droppedPriority == null) {
                    droppedPriority = item.priority();
                    droppedId = item.id();
                }
            }
        }

        List<ContextItem> included = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                included.add(items.get(i));
            } else {
                leftOut.add(left[i]);
            }
        }
        return new Packing(included, leftOut, used, budget, separator);
    }

    /** The tokenizer this packer counts with. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }
}
