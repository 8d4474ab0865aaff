package dev.chassis.core.model;

import dev.chassis.core.time.Deadline;
import dev.chassis.core.time.Timers;
import dev.chassis.core.tool.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one implementation of {@link Generation} every engine uses: it forwards tokens in order,
 * measures time to first token and tokens per second, enforces the deadline, and makes cancellation
 * final (after {@link #cancel()} returns, the listener is never called again).
 *
 * <p>An engine calls {@link #token}, then exactly one of {@link #complete} or {@link #fail}; later
 * calls are ignored, so a transport that reports an error after a cancel cannot complete twice.
 * Engines register what stops their transport with {@link #onCancel}; it also runs on a timeout.
 *
 * <p>Thread-safe. Tokens are delivered under a lock, so a listener must not block.
 */
public final class StreamingGeneration implements Generation {

    /**
     * Where deadlines wait: the process's one timer. A generation that ends takes its deadline out (the timer removes a
     * cancelled task): a deadline left waiting kept the whole generation (its listener, and through it the caller's turn
     * and prompt) reachable for the full reply timeout, two minutes by default, long after the reply had ended.
     */
    private static final ScheduledExecutorService DEADLINES = Timers.shared();

    private final String model;
    private final TokenListener listener;
    private final long startNanos = System.nanoTime();
    private final Deadline deadline;
    private final CompletableFuture<Completion> result = new CompletableFuture<>();
    private final CopyOnWriteArrayList<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final StringBuilder text = new StringBuilder();
    private int tokens;
    private long firstTokenNanos = -1;
    private boolean finished;
    private volatile boolean stopRequested;
    private volatile CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
    private volatile ScheduledFuture<?> expiry;

    private StreamingGeneration(String model, Deadline deadline, TokenListener listener) {
        this.model = Objects.requireNonNull(model, "model");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts the clock and arms the deadline. */
    public static StreamingGeneration start(String model, Deadline deadline, TokenListener listener) {
        StreamingGeneration g = unarmed(model, deadline, listener);
        g.arm();
        return g;
    }

    /**
     * Starts the clock; the deadline (the same instant) is armed by {@link #arm()}. For an engine that puts its request on
     * the wire first, so that arming it (a timer's queue, perhaps a wake-up of its thread) does not come before.
     */
    public static StreamingGeneration unarmed(String model, Deadline deadline, TokenListener listener) {
        return new StreamingGeneration(model, deadline, listener);
    }

    /** Arms the deadline, once; when it has passed already the generation expires at once. */
    public void arm() {
        if (deadline.isUnbounded() || expiry != null || result.isDone()) {
            return;
        }
        long delay = Math.max(0, deadline.atNanos() - System.nanoTime());
        expiry = DEADLINES.schedule(this::expire, delay, TimeUnit.NANOSECONDS);
        if (result.isDone()) {
            disarm(); // it ended while being armed
        }
    }

    private void disarm() {
        ScheduledFuture<?> e = expiry;
        if (e != null) {
            e.cancel(false);
        }
    }

    /** The deadline this generation runs under. */
    public Deadline deadline() {
        return deadline;
    }

    /**
     * Delivers the next token to the listener, unless the generation is over.
     *
     * @return false when the generation is over (cancelled, failed, timed out or complete): stop producing
     */
    public boolean token(String token) {
        if (token == null || token.isEmpty()) {
            return !isStopped();
        }
        lock.lock();
        try {
            if (finished) {
                return false;
            }
            if (firstTokenNanos < 0) {
                firstTokenNanos = System.nanoTime();
            }
            text.append(token);
            tokens++;
            listener.onToken(token);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the generation is over, for engines polling between tokens. */
    public boolean isStopped() {
        return stopRequested || result.isDone();
    }

    /** What has been delivered so far. */
    public String textSoFar() {
        lock.lock();
        try {
            return text.toString();
        } finally {
            lock.unlock();
        }
    }

    /**
     * For an engine that sends a request: {@link #sent()} then completes when it calls {@link #onWire()}, or when the
     * generation ends. Call before sending.
     */
    public void sendsOnWire() {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        sent = pending;
        if (result.isDone()) {
            pending.complete(null);
        }
    }

    /** The request is on the wire. */
    public void onWire() {
        sent.complete(null);
    }

    @Override
    public CompletableFuture<Void> sent() {
        return sent;
    }

    /** Registers what stops the engine's transport; runs at once if the generation is already stopped. */
    public void onCancel(Runnable hook) {
        cancelHooks.add(hook);
        if (stopRequested) {
            runHook(hook);
        }
    }

    /** Completes with the delivered text and the given tool calls; usage is estimated when empty. */
    public void complete(Prompt prompt, List<ToolCall> toolCalls, Optional<Usage> usage, FinishReason reason) {
        Completion completion;
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            long now = System.nanoTime();
            String reply = text.toString();
            Usage used = usage.orElseGet(() -> Usage.estimate(prompt, reply, toolCalls));
            completion = new Completion(model, reply, toolCalls, used, timing(now, used), reason);
        } finally {
            lock.unlock();
        }
        sent.complete(null);   // before the result: whoever waits for the request on the wire hears of it first
        result.complete(completion);
        disarm();
    }

    /** Fails the generation; the first outcome wins. */
    public void fail(ModelException failure) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
        } finally {
            lock.unlock();
        }
        sent.complete(null);
        result.completeExceptionally(failure);
        disarm();
    }

    @Override
    public void cancel() {
        String partial;
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            stopRequested = true;
            partial = text.toString();
        } finally {
            lock.unlock();
        }
        cancelHooks.forEach(StreamingGeneration::runHook);
        sent.complete(null);
        result.completeExceptionally(new ModelException.Cancelled(model, partial));
        disarm();
    }

    @Override
    public CompletableFuture<Completion> result() {
        return result;
    }

    private void expire() {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            stopRequested = true;
        } finally {
            lock.unlock();
        }
        cancelHooks.forEach(StreamingGeneration::runHook);
        sent.complete(null);
        result.completeExceptionally(new ModelException.Timeout(model, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    private Timing timing(long now, Usage used) {
        Optional<Duration> ttft = firstTokenNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstTokenNanos - startNanos));
        double tps = 0;
        int out = used.outputTokens() > 0 ? used.outputTokens() : tokens;
        if (firstTokenNanos >= 0 && now > firstTokenNanos && out > 1) {
            tps = (out - 1) / ((now - firstTokenNanos) / 1e9);
        }
        return new Timing(ttft, Duration.ofNanos(now - startNanos), tps);
    }

    private static void runHook(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException ignored) {
            // A transport that fails while closing is already stopped; nothing more to do.
        }
    }
}
