package dev.chassis.talk.internal;

import dev.chassis.core.event.Event;
import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.guard.LeakGuard;
import dev.chassis.talk.journal.JournalWriter;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.directive.Directive;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One reply in flight: streams the model into the {@link ReplyPipe}, fills a missed first-token
 * deadline (a bridge from the fallback, or a hand-over to a faster model), answers from the fallback
 * when the model fails, stops on a leak of the staged context, and ends exactly once: completed,
 * interrupted or failed over. The session owns it and its cancellation. It reads what it needs from the
 * {@link Ports} it is given and hands back what it produced ({@link #ended()}, then {@link #result()});
 * it never calls back into its session.
 */
final class TurnRun {

    private final Ports ports;
    private final TalkConfig config;
    private final int turn;
    private final String utterance;
    private final Directive directive;
    private final Prompt prompt;
    private final long endOfTurnNanos;
    private final ReplyPipe pipe;
    private final LeakGuard.Reply leakGuard;
    private final CompletableFuture<TurnRecord> done = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Generation generation;
    private volatile String engine;
    private volatile boolean deadlineMissed;
    private volatile boolean takenOver;
    private volatile long requestSentNanos;
    private volatile long modelFirstTokenNanos = -1;
    private volatile String failure;
    private volatile Future<?> deadlineTask;

    /**
     * What a turn writes to and reads from, handed over by its session: the harness's settings, the session's log
     * (the turn appends what was said), its health and its journal writer (for the confirmation).
     */
    record Ports(TalkConfig config, String sessionId, SessionLog log, HealthWatch health, JournalWriter writer) {
        void event(Event e) {
            config.events().accept(e);
        }
    }

    private final CompletableFuture<TurnRun> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> answered = new CompletableFuture<>();

    TurnRun(Ports ports, int turn, String utterance, Directive directive, Prompt prompt, long endOfTurnNanos,
            ReplyPipe pipe, LeakGuard.Reply leakGuard) {
        this.ports = ports;
        this.config = ports.config();
        this.turn = turn;
        this.utterance = utterance;
        this.directive = directive;
        this.prompt = prompt;
        this.endOfTurnNanos = endOfTurnNanos;
        this.pipe = pipe;
        this.leakGuard = leakGuard;
        this.engine = config.model().name();
    }

    int turn() {
        return turn;
    }

    CompletableFuture<TurnRecord> result() {
        return done;
    }

    /** Sends the request and arms the deadline; returns as soon as the request is on its way. */
    void start() {
        start(null);
    }

    /**
     * As {@link #start()}, but the reply generated early from this very prompt, when there is one, stands for the request:
     * its tokens so far are replayed, the rest streams on.
     */
    void start(EarlyReply early) {
        // The harness's part ends where the engine's begins: what an engine does to put the request on the wire
        // (the offline engine starts a thread, the HTTP bridge a call) is the engine's, measured with the models.
        requestSentNanos = System.nanoTime();
        generation = early != null ? early.takeOver(this::onModelToken)
                : config.model().stream(prompt, Deadline.in(config.replyTimeout()), this::onModelToken);
        if (leakGuard.leaked()) {
            generation.cancel();
        }
        generation.result().whenComplete(this::onModelDone);
        generation.result().whenComplete((c, e) -> answered.complete(null));
        deadlineTask = config.deadline().arm(endOfTurnNanos, this::onDeadline);
    }

    long requestSentNanos() {
        return requestSentNanos;
    }

    /** Completes once the request is on the wire, or the reply has ended (after {@link #start}). */
    CompletableFuture<Void> onWire() {
        return generation.sent();
    }

    /**
     * Completes once the model has answered: its first words, the end of its reply (however it ended), the first-token
     * deadline's remedy starting, or the turn finishing. Whoever waits for it runs on the thread that completes it: keep it short.
     */
    CompletableFuture<Void> answered() {
        return answered;
    }

    private void onModelToken(String token) {
        if (modelFirstTokenNanos < 0) {
            modelFirstTokenNanos = System.nanoTime();
            answered.complete(null);
        }
        if (takenOver || leakGuard.leaked()) {
            return;
        }
        if (!leakGuard.accept(token, pipe::reply)) {
            Generation g = generation;
            if (g != null) {
                g.cancel(); // interrupts this very thread (the model's): the turn ends on another
            } // else the model spoke before stream() returned: start() cancels it
            Thread.ofVirtual().name("leak-guard").start(this::leakStopped);
        }
    }

    /**
     * A sentence recited the staged context and was withheld: the reply ends with what was released, or,
     * if nothing was, the fallback says the directive's own words (the agent keeps its role).
     */
    private void leakStopped() {
        ports.event(new TalkEvent.GuardTriggered(config.clock().instant(), ports.sessionId(), turn, "leak-guard",
                "a sentence of the reply recited the staged context; it was withheld and the reply stopped"));
        if (pipe.replyStarted()) {
            pipe.endBridge();
            finish(true);
            return;
        }
        engine = config.fallback().name();
        pipe.endBridge();
        config.fallback().stream(prompt, Deadline.in(Duration.ofSeconds(5)), pipe::reply).result()
                .whenComplete((c, e) -> finish(e != null));
    }

    private void onDeadline() {
        answered.complete(null);
        if (finished.get() || !pipe.nothingDelivered()) {
            return;
        }
        deadlineMissed = true;
        if (config.handOver().isPresent()) {
            takenOver = true;
            generation.cancel();
            engine = config.handOver().get().name();
            deadlineMissed("hand-over to " + engine);
            Generation g = config.handOver().get().stream(prompt, Deadline.in(config.replyTimeout()), this::onHandOverToken);
            g.result().whenComplete(this::onHandOverDone);
            return;
        }
        if (!pipe.beginBridge()) {
            return;
        }
        deadlineMissed("bridge");
        String topic = dev.chassis.talk.steer.Quotes.salient(utterance, 3);
        // the turn's own messages, so the bridge knows what was said before and does not say the same filler every time
        Prompt bridgePrompt = prompt.withIntent(new Directive.Bridge(directive.spokenIn(), topic, List.of()));
        config.fallback().stream(bridgePrompt, Deadline.in(Duration.ofSeconds(2)), pipe::bridge).result()
                .whenComplete((c, e) -> pipe.endBridge());
    }

    private void onHandOverToken(String token) {
        if (!leakGuard.leaked() && !leakGuard.accept(token, pipe::reply)) {
            leakStopped();
        }
    }

    private void onHandOverDone(Completion c, Throwable error) {
        if (leakGuard.leaked()) {
            return; // the guard's path finishes the turn
        }
        if (error == null) {
            if (!leakGuard.finish(pipe::reply)) {
                leakStopped();
                return;
            }
            finish(false);
        } else if (!(cause(error) instanceof ModelException.Cancelled)) {
            failOver(cause(error));
        }
    }

    private void onModelDone(Completion c, Throwable error) {
        if (takenOver || leakGuard.leaked()) {
            return;
        }
        if (error == null) {
            ports.health().modelAnswered(turn, engine);
            if (!leakGuard.finish(pipe::reply)) {
                leakStopped();
                return;
            }
            pipe.endBridge();
            finish(false);
            return;
        }
        Throwable t = cause(error);
        if (t instanceof ModelException.Cancelled) {
            return; // interrupted or stopped by a guard: that path finishes the turn
        }
        failOver(t);
    }

    /** The model failed: keep what was said, or answer from the fallback if nothing was. */
    private void failOver(Throwable t) {
        // Plain words: a model exception's message says what failed; never the exception's class.
        failure = t.getMessage() == null || t.getMessage().isBlank() ? "the model failed" : t.getMessage();
        String failed = engine;
        if (pipe.replyStarted()) {
            ports.health().modelFailed(turn, failed, failure, "kept the part already said");
            pipe.endBridge();
            finish(true);
            return;
        }
        ports.health().modelFailed(turn, failed, failure, "answered by " + config.fallback().name());
        engine = config.fallback().name();
        pipe.endBridge();
        config.fallback().stream(prompt, Deadline.in(Duration.ofSeconds(5)), pipe::reply).result()
                .whenComplete((c, e) -> finish(e != null));
    }

    /** The person spoke over the reply. */
    void interrupt() {
        if (finished.get()) {
            return;
        }
        String delivered = pipe.stop();
        Generation g = generation;
        if (g != null) {
            g.cancel();
        }
        ports.log().append(new SessionEvent.Interrupted(config.clock().instant(), turn, delivered.length()));
        ports.event(new TalkEvent.Interrupted(config.clock().instant(), ports.sessionId(), turn, delivered.length()));
        finish(true);
    }

    private void finish(boolean cutOff) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        answered.complete(null);
        Future<?> d = deadlineTask;
        if (d != null) {
            d.cancel(false);
        }
        String reply = pipe.stop();
        long now = System.nanoTime();
        ports.log().append(new SessionEvent.AgentSaid(config.clock().instant(), turn, reply, cutOff, !pipe.bridgeText().isEmpty()));
        long first = pipe.firstNanos();
        TurnRecord.Timings timings = new TurnRecord.Timings(
                Duration.ofNanos(Math.max(0, requestSentNanos - endOfTurnNanos)),
                first < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(first - endOfTurnNanos)),
                modelFirstTokenNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(modelFirstTokenNanos - endOfTurnNanos)),
                Duration.ofNanos(now - endOfTurnNanos));
        if (first >= 0) {
            ports.event(new TalkEvent.FirstTokenDelivered(config.clock().instant(), ports.sessionId(), turn,
                    timings.firstDelivered().orElseThrow(), pipe.firstFromBridge()));
        }
        ports.event(new TalkEvent.TurnFinished(config.clock().instant(), ports.sessionId(), turn, timings.total(), cutOff, deadlineMissed));
        String bridge = pipe.bridgeText();
        ended.complete(this); // before the caller hears of it, so that what follows a turn is queued when it does
        TurnRecord record = new TurnRecord(ports.sessionId(), turn, utterance, directive, directive.because(), reply, cutOff, deadlineMissed,
                bridge.isEmpty() ? Optional.empty() : Optional.of(bridge), timings, engine, Optional.ofNullable(failure));
        // Confirmed means durable: the caller hears of the turn once the journal has the answer and the reply.
        CompletableFuture<Void> durable = ports.writer().durable();
        if (durable.isDone() && !durable.isCompletedExceptionally()) {
            done.complete(record);
        } else {
            durable.whenComplete((ok, e) -> {
                if (e == null) {
                    done.complete(record);
                } else {
                    done.completeExceptionally(e);
                }
            });
        }
    }

    /** Completes when the reply has ended and is in the session's log, before the journal confirms it. */
    CompletableFuture<TurnRun> ended() {
        return ended;
    }

    private void deadlineMissed(String remedy) {
        ports.log().append(new SessionEvent.DeadlineMissed(config.clock().instant(), turn, config.deadline().limit(), remedy));
        ports.event(new TalkEvent.DeadlineMissed(config.clock().instant(), ports.sessionId(), turn, config.deadline().limit(), remedy));
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
