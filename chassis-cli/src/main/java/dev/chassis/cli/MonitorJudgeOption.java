package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.models.ModelFactory;
import dev.chassis.talk.judge.ModelJudges;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that let coverage, emotion and contradiction ask a model beside each turn (model-backed monitors). */
final class MonitorJudgeOption {

    @Option(names = "--monitor-model", paramLabel = "MODEL",
            description = {"Let the monitors also ask this (small, fast) model beside each turn: openai:<model>,",
                    "openai-compatible:<baseUrl>#<model>, anthropic:<model>, gemini:<model>. Without it (or with the offline",
                    "engine) the lexical monitors work alone. A simulated server cannot judge for real."})
    String model;

    @Option(names = "--monitor-budget", paramLabel = "<time>",
            description = "How long each monitor waits for its judge, e.g. 1500ms or 2s (default: coverage and emotion 2s, contradiction 3s).")
    String budget;

    @Option(names = "--monitor-judges", split = ",", paramLabel = "<monitor>", defaultValue = "coverage,emotion,contradiction",
            description = "Which monitors ask the model (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    /** The judges configured, or empty when no --monitor-model was given. */
    Optional<ModelJudges> create() {
        if (model == null) {
            return Optional.empty();
        }
        if (model.strip().equals("offline")) {
            throw new InvalidInputException("", 0, "--monitor-model", "the offline engine cannot judge an answer: name a model endpoint, "
                    + "or leave the option out and the lexical monitors work alone");
        }
        ModelJudges judges = ModelJudges.of(ModelFactory.fromEnvironment().create(model));
        Optional<Duration> each = Optional.ofNullable(budget).map(MonitorJudgeOption::duration);
        for (ModelJudges.Kind k : ModelJudges.Kind.values()) {
            boolean on = kinds.stream().anyMatch(n -> ModelJudges.Kind.named(n).orElseThrow(() -> new InvalidInputException("", 0,
                    "--monitor-judges", "'" + n + "' is not a monitor that can ask a model; use coverage, emotion or contradiction")) == k);
            judges = !on ? judges.without(k) : each.isPresent() ? judges.withBudget(k, each.get()) : judges;
        }
        return Optional.of(judges);
    }

    private static Duration duration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration d = t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)))
                    : t.endsWith("s") ? Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)) : null;
            if (d != null && d.isPositive()) {
                return d;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new InvalidInputException("", 0, "--monitor-budget", "'" + text + "' is not a time: write it like 1500ms or 2s");
    }
}
