package dev.chassis.talk.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts one question to the monitors' model and reads its answer strictly: one JSON object, every field
 * present, no other field, no coercion of a string to a boolean or number. Waits at most the budget; a
 * late call is cancelled. Thread-safe.
 */
final class Judge {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final Model model;

    Judge(Model model) {
        this.model = model;
    }

    /** The model's answer to {@code question} as an {@code answer}, or why there is none, within {@code budget}. */
    <A> Verdict<A> ask(Prompt question, Class<A> answer, Duration budget) throws InterruptedException {
        long start = System.nanoTime();
        Generation g;
        Completion c;
        try {
            g = model.stream(question, Deadline.in(budget), TokenListener.NONE);
        } catch (RuntimeException e) {
            return new Verdict.Failed<>(reason(e), since(start));
        }
        try {
            c = g.result().get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            g.cancel();
            return new Verdict.Late<>(since(start));
        } catch (InterruptedException e) {
            g.cancel();
            throw e;
        } catch (ExecutionException e) {
            // The engine's own deadline may fire a hair before ours: that is lateness, not failure.
            Duration took = since(start);
            return took.compareTo(budget.multipliedBy(95).dividedBy(100)) >= 0
                    ? new Verdict.Late<>(took) : new Verdict.Failed<>(reason(e.getCause()), took);
        }
        try {
            return new Verdict.Answered<>(parse(c.text(), answer), since(start));
        } catch (IllegalArgumentException e) {
            return new Verdict.Malformed<>(e.getMessage(), since(start));
        }
    }

    /** {@code text} as an {@code answer}: exactly one JSON object of that shape, or an exception saying what is wrong. */
    static <A> A parse(String text, Class<A> answer) {
        String t = text == null ? "" : text.strip();
        if (!t.startsWith("{")) {
            throw new IllegalArgumentException("not a JSON object: " + clip(t));
        }
        try {
            return STRICT.readValue(t, answer);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " in " + clip(t));
        }
    }

    private static String clip(String t) {
        return t.length() <= 80 ? "'" + t + "'" : "'" + t.substring(0, 77) + "...'";
    }

    private static String reason(Throwable e) {
        return e == null ? "unknown" : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
