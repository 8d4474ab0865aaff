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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a model to write the themes and checks each answer with the {@link ThemeGate}; a refused answer
 * goes back with the gate's findings, up to {@code attempts} times. A call that fails in a way that may pass
 * (a timeout, a 429, a 5xx, a broken or malformed stream) is tried again, up to {@link #CALL_TRIES} times, after a
 * wait that doubles each time (or what a 429's Retry-After asks); both are Resilience4j {@link Retry}s. When the
 * attempts run out, only what passed is kept (findings whose quotes failed are dropped) and the result
 * says so in its notes. Thread-safe when the model is.
 */
public final class ModelThemeWriter implements ThemeWriter {

    /** First wait before another attempt after a model failure, doubled each time; a refused answer is sent back at once. */
    static final Duration FAILURE_WAIT = Duration.ofSeconds(2);
    /** Tries of one call when the model fails in a way that may pass (a timeout, a 429, a 5xx, a broken or malformed stream). */
    static final int CALL_TRIES = 4;
    /** The longest a provider's Retry-After is waited for here. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

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

    /** Backs off exponentially, or waits what the provider (or the circuit breaker) said to wait, up to {@link #LONGEST_WAIT}. */
    static Duration failureWait(int attempt, Throwable failure) {
        Optional<Duration> asked = switch (failure) {
            case ModelException.RateLimited r -> r.retryAfter();
            case ModelException.Unavailable u -> u.retryAfter();
            default -> Optional.empty();
        };
        Duration wait = asked.orElse(FAILURE_WAIT.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 4)));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    @Override
    public Result write(ThemeWritingIntent intent, ThemeGate gate) {
        AtomicReference<List<String>> feedback = new AtomicReference<>(List.of());
        AtomicInteger attempt = new AtomicInteger();
        // Two budgets: answers the gate refused go back up to `attempts` times; a failed call is tried again on its own
        // budget, so that a provider's hiccup on the last attempt does not end the synthesis.
        Retry refusals = Retry.of("theme-writing " + model.name(), RetryConfig.<ThemeGate.Verdict>custom()
                .maxAttempts(attempts)
                .retryOnResult(v -> v instanceof ThemeGate.Verdict.Failed)
                .retryOnException(e -> false)
                .intervalBiFunction((n, outcome) -> 0L)
                .build());
        Retry failures = Retry.of("theme-writing calls " + model.name(), RetryConfig.<String>custom()
                .maxAttempts(CALL_TRIES)
                .retryOnException(e -> e instanceof ModelException m && m.retryable())
                .intervalBiFunction((n, outcome) -> outcome.isLeft() ? failureWait(n, outcome.getLeft()).toMillis() : 0L)
                .build());
        ThemeGate.Verdict verdict = refusals.executeSupplier(() -> {
            attempt.incrementAndGet();
            String answer = failures.executeSupplier(() -> model.generate(ThemeWriting.prompt(intent, feedback.get()), Deadline.in(perAttempt)).text());
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
