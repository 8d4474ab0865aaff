package dev.chassis.talk.judge;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.model.Model;
import dev.chassis.talk.monitor.ContradictionMonitor;
import dev.chassis.talk.monitor.CoverageMonitor;
import dev.chassis.talk.monitor.EmotionMonitor;
import dev.chassis.talk.monitor.Monitor;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which monitors ask a model beside the turn, which model, and how long each may wait for it. Immutable;
 * {@code with} and {@code without} return copies.
 *
 * <pre>{@code
 * ModelJudges judges = ModelJudges.of(small)                      // coverage, emotion and contradiction, default budgets
 *         .withBudget(ModelJudges.Kind.EMOTION, Duration.ofMillis(1500))
 *         .without(ModelJudges.Kind.COVERAGE);
 * TalkHarness.builder().model(big).fallback(offline).judgeWith(judges).build();
 * }</pre>
 */
public final class ModelJudges {

    /** The monitors that can ask a model. */
    public enum Kind {
        COVERAGE(Duration.ofSeconds(2)), EMOTION(Duration.ofSeconds(2)), CONTRADICTION(Duration.ofSeconds(3));

        private final Duration defaultBudget;

        Kind(Duration defaultBudget) {
            this.defaultBudget = defaultBudget;
        }

        /** Its budget unless one is set. */
        public Duration defaultBudget() {
            return defaultBudget;
        }

        /** The kind named (coverage, emotion, contradiction), or empty. */
        public static Optional<Kind> named(String name) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(name.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Model model;
    private final Map<Kind, Duration> budgets;

    private ModelJudges(Model model, Map<Kind, Duration> budgets) {
        this.model = Objects.requireNonNull(model, "model");
        this.budgets = budgets.isEmpty() ? Map.of() : new EnumMap<>(budgets);
    }

    /** Every kind on, with its default budget, asking {@code model}. */
    public static ModelJudges of(Model model) {
        Map<Kind, Duration> all = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            all.put(k, k.defaultBudget());
        }
        return new ModelJudges(model, all);
    }

    /** The same, with {@code kind} on and waiting at most {@code budget} for its judge. */
    public ModelJudges withBudget(Kind kind, Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget of the " + kind.label() + " judge must be positive");
        }
        Map<Kind, Duration> b = new EnumMap<>(Kind.class);
        b.putAll(budgets);
        b.put(kind, budget);
        return new ModelJudges(model, b);
    }

    /** The same, with {@code kind} left to its lexical tier alone. */
    public ModelJudges without(Kind kind) {
        Map<Kind, Duration> b = new EnumMap<>(Kind.class);
        b.putAll(budgets);
        b.remove(kind);
        return new ModelJudges(model, b);
    }

    public Model model() {
        return model;
    }

    /** The kinds on, with their budgets. */
    public Map<Kind, Duration> budgets() {
        return Map.copyOf(budgets);
    }

    /**
     * The monitors with each built-in coverage, emotion and contradiction monitor whose kind is on wrapped so
     * that it also asks the judge; every other monitor as it was.
     */
    public List<Monitor> apply(List<Monitor> monitors, EventSink events, Clock clock) {
        Judge judge = new Judge(model);
        return monitors.stream().map(m -> {
            Optional<Judgment<?>> judgment = switch (m) {
                case CoverageMonitor c when budgets.containsKey(Kind.COVERAGE) -> Optional.of(new CoverageJudgment());
                case EmotionMonitor e when budgets.containsKey(Kind.EMOTION) -> Optional.of(new EmotionJudgment());
                case ContradictionMonitor c when budgets.containsKey(Kind.CONTRADICTION) -> Optional.of(new ContradictionJudgment());
                default -> Optional.empty();
            };
            return judgment.<Monitor>map(j -> new JudgedMonitor<>(m, j, judge, budgets.get(j.kind()), events, clock)).orElse(m);
        }).toList();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(model.name());
        budgets.forEach((k, d) -> b.append(' ').append(k.label()).append('=').append(d.toMillis()).append("ms"));
        return b.toString();
    }
}
