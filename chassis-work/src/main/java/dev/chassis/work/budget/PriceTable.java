package dev.chassis.work.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prices per million tokens, by model name (an exact name, or a prefix ending in {@code *}); unknown
 * models cost nothing, and the offline engine is free. Immutable.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.defaults().with("openai:gpt-4.1-mini", 0.40, 1.60);
 * }</pre>
 */
public final class PriceTable {

    /** US dollars per million input and output tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) { }

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** No prices: every model is free (the offline engine, local models). */
    public static PriceTable free() {
        return new PriceTable(Map.of());
    }

    /** List prices of common models at the time of writing; override with {@link #with}. */
    public static PriceTable defaults() {
        Map<String, Price> p = new LinkedHashMap<>();
        p.put("openai:gpt-4.1-mini", new Price(0.40, 1.60));
        p.put("openai:gpt-4.1", new Price(2.00, 8.00));
        p.put("openai:gpt-4o-mini", new Price(0.15, 0.60));
        p.put("anthropic:claude-sonnet-4*", new Price(3.00, 15.00));
        p.put("anthropic:claude-haiku-4*", new Price(1.00, 5.00));
        p.put("gemini:gemini-2.5-flash", new Price(0.30, 2.50));
        return new PriceTable(p);
    }

    public PriceTable with(String model, double inputPerMillion, double outputPerMillion) {
        Objects.requireNonNull(model, "model");
        if (inputPerMillion < 0 || outputPerMillion < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
        Map<String, Price> p = new LinkedHashMap<>(prices);
        p.put(model, new Price(inputPerMillion, outputPerMillion));
        return new PriceTable(p);
    }

    /** The cost of a call in US dollars. */
    public double cost(String model, int inputTokens, int outputTokens) {
        Price price = prices.get(model);
        if (price == null) {
            for (Map.Entry<String, Price> e : prices.entrySet()) {
                if (e.getKey().endsWith("*") && model.startsWith(e.getKey().substring(0, e.getKey().length() - 1))) {
                    price = e.getValue();
                    break;
                }
            }
        }
        return price == null ? 0 : (inputTokens * price.inputPerMillion() + outputTokens * price.outputPerMillion()) / 1_000_000.0;
    }
}
