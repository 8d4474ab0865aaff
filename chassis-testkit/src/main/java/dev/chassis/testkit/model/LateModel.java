package dev.chassis.testkit.model;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Any model made late on purpose: on a seeded share of calls its first token comes {@code lateBy}
 * after the request, the rest of the stream as the wrapped model gives it. Real providers have such
 * slow turns; this reproduces them offline, deterministically, to show what a first-token deadline
 * is worth. Thread-safe; which calls are late depends only on the seed and the call order.
 */
public final class LateModel implements Model {

    private final Model model;
    private final double share;
    private final Duration lateBy;
    private final SplittableRandom random;

    /**
     * @param share  the share of calls that are late, between 0 and 1
     * @param lateBy how late their first token is
     */
    public LateModel(Model model, double share, Duration lateBy, long seed) {
        this.model = Objects.requireNonNull(model, "model");
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
        }
        if (lateBy.isNegative()) {
            throw new IllegalArgumentException("lateBy must not be negative");
        }
        this.share = share;
        this.lateBy = lateBy;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        boolean late;
        synchronized (random) {
            late = random.nextDouble() < share;
        }
        if (!late) {
            return model.stream(prompt, deadline, listener);
        }
        StreamingGeneration outer = StreamingGeneration.start(name(), deadline, listener);
        Thread worker = Thread.ofVirtual().name("late-model").unstarted(() -> {
            LockSupport.parkNanos(lateBy.toNanos());
            if (outer.isStopped()) {
                return;
            }
            Generation inner = model.stream(prompt, deadline, outer::token);
            outer.onCancel(inner::cancel);
            try {
                Completion c = inner.result().join();
                outer.complete(prompt, c.toolCalls(), java.util.Optional.of(c.usage()), c.finishReason());
            } catch (CompletionException e) {
                outer.fail(e.getCause() instanceof ModelException me ? me
                        : new ModelException.StreamBroken(name(), outer.textSoFar(), e.getCause()));
            }
        });
        outer.onCancel(worker::interrupt);
        worker.start();
        return outer;
    }
}
