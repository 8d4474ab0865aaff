package dev.chassis.testkit.model;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.text.Words;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A {@link Model} that answers from a script, for unit tests: replies with their own timing, tool
 * calls, failures of every kind, and hangs. Each call takes the next step; once the script is used
 * up the fallback answers (by default {@code "ok"}). Records every prompt it receives. Built on
 * {@link StreamingGeneration}, so ordering, cancellation and deadlines behave as in real engines.
 * Thread-safe.
 *
 * <pre>{@code
 * ScriptedModel model = ScriptedModel.builder()
 *         .then(Step.reply("Hello", Duration.ofMillis(900), Duration.ZERO))   // late first token
 *         .then(Step.fail(name -> new ModelException.RateLimited(name, Optional.empty(), "")))
 *         .build();
 * }</pre>
 */
public final class ScriptedModel implements Model {

    private final String name;
    private final List<Step> steps;
    private final Function<Prompt, Step> fallback;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    private ScriptedModel(String name, List<Step> steps, Function<Prompt, Step> fallback) {
        this.name = name;
        this.steps = List.copyOf(steps);
        this.fallback = fallback;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A model that always answers {@code text} at once. */
    public static ScriptedModel replying(String text) {
        return builder().otherwise(p -> Step.reply(text)).build();
    }

    @Override
    public String name() {
        return name;
    }

    /** Every prompt received, in order. */
    public List<Prompt> prompts() {
        return List.copyOf(prompts);
    }

    /** How many calls were made. */
    public int calls() {
        return prompts.size();
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        prompts.add(prompt);
        int i = next.getAndIncrement();
        Step step = i < steps.size() ? steps.get(i) : fallback.apply(prompt);
        StreamingGeneration g = StreamingGeneration.start(name, deadline, listener);
        Thread worker = Thread.ofVirtual().name("scripted-model").unstarted(() -> play(step, prompt, g));
        g.onCancel(worker::interrupt);
        worker.start();
        return g;
    }

    private void play(Step step, Prompt prompt, StreamingGeneration g) {
        switch (step) {
            case Step.Reply r -> {
                if (!pause(r.firstToken(), g)) {
                    return;
                }
                boolean first = true;
                for (String token : Words.tokens(r.text())) {
                    if (!first && !pause(r.perToken(), g)) {
                        return;
                    }
                    first = false;
                    if (!g.token(token)) {
                        return;
                    }
                }
                g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
            }
            case Step.CallTools c -> {
                for (String token : Words.tokens(c.text())) {
                    g.token(token);
                }
                g.complete(prompt, c.calls(), Optional.empty(), FinishReason.TOOL_CALLS);
            }
            case Step.Fail f -> {
                if (pause(f.after(), g)) {
                    g.fail(f.failure().apply(name));
                }
            }
            case Step.Hang h -> {
                while (!g.isStopped()) {
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                }
            }
        }
    }

    private static boolean pause(Duration d, StreamingGeneration g) {
        if (!d.isZero() && !g.isStopped()) {
            LockSupport.parkNanos(d.toNanos());
        }
        return !g.isStopped();
    }

    /** Builds a {@link ScriptedModel}; not thread-safe. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private String name = "scripted";
        private Function<Prompt, Step> fallback = p -> Step.reply("ok");

        private Builder() {
        }

        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        /** The next step of the script. */
        public Builder then(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Replies, one per call, each at once. */
        public Builder replies(String... texts) {
            for (String t : texts) {
                steps.add(Step.reply(t));
            }
            return this;
        }

        /** What to answer once the script is used up. */
        public Builder otherwise(Function<Prompt, Step> fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        public ScriptedModel build() {
            return new ScriptedModel(name, steps, fallback);
        }
    }
}
