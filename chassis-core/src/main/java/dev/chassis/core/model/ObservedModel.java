package dev.chassis.core.model;

import dev.chassis.core.event.EventSink;
import dev.chassis.core.event.ModelEvent;
import dev.chassis.core.time.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps any {@link Model} and emits a {@link ModelEvent} for each stage of each call: started, first
 * token, finished or failed. Behaviour is otherwise the delegate's.
 *
 * <pre>{@code
 * Model observed = ObservedModel.of(model, new LoggingEventSink());
 * }</pre>
 */
public final class ObservedModel implements Model {

    private final Model delegate;
    private final EventSink events;
    private final Clock clock;
    private final AtomicLong calls = new AtomicLong();

    private ObservedModel(Model delegate, EventSink events, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static ObservedModel of(Model delegate, EventSink events) {
        return new ObservedModel(delegate, events, Clock.systemUTC());
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** The model being observed. */
    public Model delegate() {
        return delegate;
    }

    @Override
    public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
        String callId = "call-" + calls.incrementAndGet();
        long start = System.nanoTime();
        events.accept(new ModelEvent.Started(clock.instant(), callId, name(), prompt.messages().size(), prompt.tools().size()));
        AtomicBoolean first = new AtomicBoolean(true);
        Generation g;
        try {
            g = delegate.stream(prompt, deadline, token -> {
                if (first.compareAndSet(true, false)) {
                    events.accept(new ModelEvent.FirstToken(clock.instant(), callId, name(), Duration.ofNanos(System.nanoTime() - start)));
                }
                listener.onToken(token);
            });
        } catch (RuntimeException e) { // a call refused before it started (an open breaker) is a failed call too
            failed(callId, start, e);
            throw e;
        }
        g.result().whenComplete((c, error) -> {
            if (c != null) {
                events.accept(new ModelEvent.Finished(clock.instant(), callId, name(), c.timing().timeToFirstToken(),
                        c.timing().total(), c.usage().inputTokens(), c.usage().outputTokens(), c.timing().tokensPerSecond(),
                        c.finishReason().name(), c.model(), c.usage().estimated()));
            } else {
                failed(callId, start, error instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : error);
            }
        });
        return g;
    }

    private void failed(String callId, long start, Throwable cause) {
        boolean retryable = cause instanceof ModelException me && me.retryable();
        events.accept(new ModelEvent.Failed(clock.instant(), callId, name(), Duration.ofNanos(System.nanoTime() - start),
                cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), retryable));
    }
}
