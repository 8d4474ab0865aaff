package dev.chassis.talk.monitor;

import dev.chassis.core.event.EventSink;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.observe.TalkTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs a session's monitors beside the conversation: each on its own virtual thread, each under its
 * own budget. Signals go to {@code sink} as soon as a monitor returns, even after the next turn has
 * begun; a monitor past its budget is interrupted and whatever it returns later is dropped; one that
 * throws is counted. The caller never waits. Owned by one session.
 */
public final class MonitorRunner {

    private final String sessionId;
    private final List<Monitor> monitors;
    private final Consumer<Signal> sink;
    private final EventSink events;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final TalkTracing tracing;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    public MonitorRunner(String sessionId, List<Monitor> monitors, Consumer<Signal> sink, EventSink events, Clock clock,
                         ScheduledExecutorService timer, TalkTracing tracing) {
        this.tracing = tracing;
        this.sessionId = sessionId;
        this.monitors = List.copyOf(monitors);
        this.sink = sink;
        this.events = events;
        this.clock = clock;
        this.timer = timer;
    }

    /**
     * Runs every monitor's cheap check ({@link Monitor#glance}) now, on the caller's thread, and returns their
     * signals for the reply being decided; one that throws is counted and skipped. A glance that raised nothing is
     * not reported as an event (most turns, most monitors).
     */
    public List<Signal> observeNow(TurnView turn, SessionState snapshot) {
        return report(glance(turn, snapshot));
    }

    /** As {@link #observeNow}, but nothing is reported (no event, no failure counted) until {@link #report}: it may be dropped. */
    public Glanced glance(TurnView turn, SessionState snapshot) {
        List<Signal> out = new java.util.ArrayList<>(2);
        List<dev.chassis.core.event.Event> happened = new java.util.ArrayList<>(monitors.size());
        int failed = 0;
        for (Monitor m : monitors) {
            long start = System.nanoTime();
            try {
                List<Signal> signals = m.glance(turn, snapshot);
                out.addAll(signals);
                if (!signals.isEmpty() || m.onTurnPath()) {
                    happened.add(new TalkEvent.MonitorFinished(clock.instant(), sessionId, turn.turn(), m.name(),
                            Duration.ofNanos(System.nanoTime() - start), signals.size()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failed++;
                happened.add(new TalkEvent.MonitorFailed(clock.instant(), sessionId, turn.turn(), m.name(),
                        Duration.ofNanos(System.nanoTime() - start), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new Glanced(out, happened, failed);
    }

    /** Reports what {@link #glance} found (its events sent, its failures counted) and returns its signals. */
    public List<Signal> report(Glanced glanced) {
        failures.addAndGet(glanced.failures());
        glanced.events().forEach(events::accept);
        return glanced.signals();
    }

    /**
     * Starts every monitor not on the turn's path on this turn and returns at once. Each one's span is a child of
     * the span current here (the turn's), on the monitor's own thread.
     */
    public void dispatch(TurnView turn, SessionState snapshot) {
        Context parent = Context.current();
        for (Monitor m : monitors) {
            if (m.onTurnPath()) {
                continue;
            }
            AtomicBoolean expired = new AtomicBoolean();
            long start = System.nanoTime();
            running.incrementAndGet();
            Span span = tracing.monitor(parent, sessionId, turn.turn(), m.name());
            CompletableFuture<ScheduledFuture<?>> budget = new CompletableFuture<>();
            Thread worker = Thread.ofVirtual().name("monitor-" + m.name()).unstarted(() -> {
                try {
                    run(m, turn, snapshot, expired, start, span);
                } finally {
                    // A monitor done in time takes its budget's timer with it: the timer's queue holds only running monitors.
                    budget.thenAccept(b -> b.cancel(false));
                    finished();
                }
            });
            worker.start();
            budget.complete(timer.schedule(() -> {
                if (worker.isAlive() && expired.compareAndSet(false, true)) {
                    worker.interrupt();
                    timeouts.incrementAndGet();
                    TalkTracing.monitorFailed(span, "timeout after " + m.budget().toMillis() + " ms");
                    events.accept(new TalkEvent.MonitorFailed(clock.instant(), sessionId, turn.turn(), m.name(),
                            Duration.ofNanos(System.nanoTime() - start), "timeout after " + m.budget().toMillis() + " ms"));
                }
            }, m.budget().toNanos(), TimeUnit.NANOSECONDS));
        }
    }

    private void run(Monitor m, TurnView turn, SessionState snapshot, AtomicBoolean expired, long start, Span span) {
        try {
            List<Signal> signals = m.observe(turn, snapshot);
            if (expired.compareAndSet(false, true)) {
                TalkTracing.monitorDone(span, signals.size());
                signals.forEach(sink);
                events.accept(new TalkEvent.MonitorFinished(clock.instant(), sessionId, turn.turn(), m.name(),
                        Duration.ofNanos(System.nanoTime() - start), signals.size()));
            }
        } catch (InterruptedException e) {
            if (expired.compareAndSet(false, true)) {   // stopped before its budget: the session closed under it
                TalkTracing.monitorFailed(span, "interrupted");
            }
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            if (expired.compareAndSet(false, true)) {
                failures.incrementAndGet();
                TalkTracing.monitorFailed(span, e.getClass().getSimpleName() + ": " + e.getMessage());
                events.accept(new TalkEvent.MonitorFailed(clock.instant(), sessionId, turn.turn(), m.name(),
                        Duration.ofNanos(System.nanoTime() - start), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            synchronized (running) {
                running.notifyAll();
            }
        }
    }

    /** Waits until no monitor is running (or the timeout passes); true when idle. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(running, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return running.get() == 0;
                }
            }
        }
        return true;
    }

    /** Monitors that threw, so far. */
    public long failures() {
        return failures.get();
    }

    /** Monitors cancelled for running out of time, so far. */
    public long timeouts() {
        return timeouts.get();
    }
}
