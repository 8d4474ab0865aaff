package dev.chassis.research.synthesis;

import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.time.Deadline;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a model to write the themes and checks each answer with the {@link ThemeGate}; a refused answer
 * goes back with the gate's findings, up to {@code attempts} times, and a model failure that may pass
 * (a timeout, a 429 or 5xx) is tried again after a short wait. The attempts are a Resilience4j
 * {@link Retry} that retries on a refused verdict and on retryable {@link ModelException}s. When the
 * attempts run out, only what passed is kept (findings whose quotes failed are dropped) and the result
 * says so in its notes. Thread-safe when the model is.
 */
public final class ModelThemeWriter implements ThemeWriter {

    /** Wait before another attempt after a model failure; a refused answer is sent back at once. */
    static final Duration FAILURE_WAIT = Duration.ofSeconds(2);

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
        AtomicReference<List<String>> feedback = new AtomicReference<>(List.of());
        AtomicInteger attempt = new AtomicInteger();
        Retry retry = Retry.of("theme-writing " + model.name(), RetryConfig.<ThemeGate.Verdict>custom()
                .maxAttempts(attempts)
                .retryOnResult(v -> v instanceof ThemeGate.Verdict.Failed)
                .retryOnException(e -> e instanceof ModelException m && m.retryable())
                .intervalBiFunction((n, outcome) -> outcome.isLeft() ? FAILURE_WAIT.toMillis() : 0L)
                .build());
        ThemeGate.Verdict verdict = retry.executeSupplier(() -> {
            attempt.incrementAndGet();
            String answer = model.generate(ThemeWriting.prompt(intent, feedback.get()), Deadline.in(perAttempt)).text();
            ThemeGate.Verdict v = gate.check(answer);
            if (v instanceof ThemeGate.Verdict.Failed f) {
                feedback.set(f.problems());
            }
            return v;
        });
        List<String> notes = new ArrayList<>();
        return switch (verdict) {
            case ThemeGate.Verdict.Passed p -> {
                if (attempt.get() > 1) {
                    notes.add("The quote check refused " + (attempt.get() - 1) + " earlier answer(s) from " + model.name()
                            + "; attempt " + attempt.get() + " passed.");
                }
                yield new Result(p.themes(), notes);
            }
            case ThemeGate.Verdict.Failed f -> {
                notes.add("After " + attempts + " attempts " + model.name() + " still gave " + f.problems().size()
                        + " problem(s), " + f.rejectedQuotes() + " of them quotes not found in the transcripts; only verified findings are reported.");
                yield new Result(f.salvage(), notes);
            }
        };
    }
}
