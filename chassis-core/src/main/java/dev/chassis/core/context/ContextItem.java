package dev.chassis.core.context;

import java.util.Objects;

/**
 * A piece of context competing for room in a prompt.
 *
 * @param id       names the item in reports (unique within one packing)
 * @param text     the text as it will appear in the prompt
 * @param priority higher wins; items of a higher priority are kept before any of a lower one
 * @param required must be included; a packing whose required items do not fit is an error
 */
public record ContextItem(String id, String text, int priority, boolean required) {

    public ContextItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a context item needs an id");
        }
    }

    public static ContextItem required(String id, String text) {
        return new ContextItem(id, text, Integer.MAX_VALUE, true);
    }

    public static ContextItem optional(String id, String text, int priority) {
        return new ContextItem(id, text, priority, false);
    }
}
