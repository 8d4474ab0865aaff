package dev.chassis.research.synthesis;

import dev.chassis.core.model.Model;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks a model to write the themes and checks each answer with the {@link ThemeGate}; a refused answer
 * goes back with the gate's findings, up to {@code attempts} times. When the attempts run out, only what
 * passed is kept (findings whose quotes failed are dropped) and the result says so in its notes.
 * Thread-safe when the model is.
 */
public final class ModelThemeWriter implements ThemeWriter {

    private final Model model;
    private final int attempts;
    private final Duration perAttempt;

    private ModelThemeWriter(Model model, int attempts, Duration perAttempt) {
        this.model = Objects.requireNonNull(model, "model");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        this.attempts = attempts;
        this.perAttempt = perAttempt;
    }

    public static ModelThemeWriter of(Model model, int attempts) {
        return new ModelThemeWriter(model, attempts, Duration.ofMinutes(3));
    }

    @Override
    public Result write(ThemeWritingIntent intent, ThemeGate gate) {
        List<String> feedback = List.of();
        List<String> notes = new ArrayList<>();
        ThemeGate.Verdict.Failed last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String answer = model.generate(ThemeWriting.prompt(intent, feedback), Deadline.in(perAttempt)).text();
            switch (gate.check(answer)) {
                case ThemeGate.Verdict.Passed p -> {
                    if (attempt > 1) {
                        notes.add("The quote check refused " + (attempt - 1) + " earlier answer(s) from " + model.name()
                                + "; attempt " + attempt + " passed.");
                    }
                    return new Result(p.themes(), notes);
                }
                case ThemeGate.Verdict.Failed f -> {
                    last = f;
                    feedback = f.problems();
                }
            }
        }
        notes.add("After " + attempts + " attempts " + model.name() + " still gave " + last.problems().size()
                + " problem(s), " + last.rejectedQuotes() + " of them quotes not found in the transcripts; only verified findings are reported.");
        return new Result(last.salvage(), notes);
    }
}
