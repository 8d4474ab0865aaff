package dev.chassis.core.context;

import java.util.List;

/** Thrown when the required items alone do not fit the budget. The message names them and their sizes. */
public final class ContextOverflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<ContextItem> required;
    private final int requiredTokens;
    private final int budget;

    ContextOverflowException(List<ContextItem> required, List<Integer> tokens, int requiredTokens, int budget) {
        super(message(required, tokens, requiredTokens, budget));
        this.required = List.copyOf(required);
        this.requiredTokens = requiredTokens;
        this.budget = budget;
    }

    public List<ContextItem> required() {
        return required;
    }

    public int requiredTokens() {
        return requiredTokens;
    }

    public int budget() {
        return budget;
    }

    private static String message(List<ContextItem> required, List<Integer> tokens, int requiredTokens, int budget) {
        StringBuilder sb = new StringBuilder("required context needs ").append(requiredTokens)
                .append(" tokens but the budget is ").append(budget).append(": ");
        for (int i = 0; i < required.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(required.get(i).id()).append(" (").append(tokens.get(i)).append(")");
        }
        return sb.append(". Raise the budget or shorten or un-require one of them.").toString();
    }
}
