package dev.chassis.talk.internal;

import dev.chassis.core.event.Event;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Timers;
import dev.chassis.talk.Feature;
import dev.chassis.talk.Session;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import dev.chassis.talk.assemble.ContextAssembler;
import dev.chassis.talk.assemble.TokenCounts;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.guard.LeakGuard;
import dev.chassis.talk.guard.TakeoverGuard;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.health.SessionHealth;
import dev.chassis.talk.journal.JournalWriter;
import dev.chassis.talk.monitor.Glanced;
import dev.chassis.talk.monitor.MonitorRunner;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.observe.TalkTracing;
import dev.chassis.talk.recall.Moment;
import dev.chassis.talk.recall.RecallIndex;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.state.SessionState;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A live session's lifecycle: it starts or resumes, plans each turn (an {@code Opening} or an
 * {@code Answer}: state, steering, assembly) and hands it to a {@link TurnRun}, and closes. What runs
 * beside and behind a turn lives with its feature: monitors ({@code MonitorRunner}), recall
 * ({@link SessionRecall}), compaction ({@link CompactionWatch}), health ({@link HealthWatch}) and the
 * journal ({@code JournalWriter}). Owns its background executor, its journal writer and the turn in
 * flight, and stops them on {@link #close()}.
 */
public final class LiveSession implements Session {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveSession.class);

    private final TalkConfig config;
    private final String id;
    private final SessionLog log;
    private final JournalWriter writer;
    private final HealthWatch health;
    private final TurnRun.Ports ports;
    private final SessionRecall recall;
    private final CompactionWatch compaction;
    private final TokenCounts counts;
    private final MonitorRunner monitors;
    private final ContextAssembler assembler;
    private final java.util.function.UnaryOperator<SessionState> view;
    private final ExecutorService background;
    private final TalkTracing tracing;
    private final Span sessionSpan;
    private final LeakGuard leakGuard;
    private final ReentrantLock turnLock = new ReentrantLock();
    private final AtomicReference<TurnRun> current = new AtomicReference<>();
    private final MonitorRunner glances;   // the same monitors, quiet: they glance at words that may not be the turn's
    private final AtomicReference<EarlyReply> prepared = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong preparations = new java.util.concurrent.atomic.AtomicLong();
    /** What the latest turn starts behind its request, once the request is on the wire: done when it has started. */
    private volatile CompletableFuture<Void> behind = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    private LiveSession(TalkConfig config, String id, SessionLog log, JournalWriter writer, HealthWatch health) {
        this.config = config;
        this.id = id;
        this.log = log;
        this.writer = writer;
        this.health = health;
        health.attach(log);
        this.ports = new TurnRun.Ports(config, id, log, health, writer);
        SessionState s = log.snapshot();
        this.counts = new TokenCounts(config.tokenizer());
        boolean stateOn = config.has(Feature.STATE);
        this.recall = new SessionRecall(new RecallIndex(s.staged().briefing().language(), config.embedder()), counts, stateOn);
        this.compaction = new CompactionWatch(config, id, log, counts);
        this.background = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("session-" + id + "-background").factory());
        this.monitors = new MonitorRunner(id, config.has(Feature.MONITORS) ? config.monitors() : List.of(),
                signal -> {
                    append(new SessionEvent.SignalRaised(config.clock().instant(), signal));
                    ContextAssembler.countAhead(signal, counts); // on the monitor's thread, not the next turn's
                }, config.events(), config.clock(),
                Timers.shared(), new TalkTracing(config.openTelemetry()));
        this.glances = new MonitorRunner(id, config.has(Feature.MONITORS) ? config.monitors() : List.of(), signal -> { },
                e -> { }, config.clock(), Timers.shared(), new TalkTracing(io.opentelemetry.api.OpenTelemetry.noop()));
        // What the features decide is decided here, once: the turn's path tests no flags.
        ContextAssembler full = new ContextAssembler(config.contextBudget(), config.replyReserve(), counts, s.staged().tokens());
        this.assembler = stateOn ? full : full.withoutDigest();
        this.view = stateOn ? java.util.function.UnaryOperator.identity() : StatelessView::of;
        this.tracing = new TalkTracing(config.openTelemetry());
        this.sessionSpan = tracing.session(id);
        List<String> planned = new ArrayList<>();
        for (Objective o : s.staged().briefing().objectives()) {
            planned.addAll(o.questions());
            planned.addAll(o.probes());
        }
        this.leakGuard = LeakGuard.of(s.staged().prefix(), List.of(s.staged().briefing().opening()), planned);
    }

    /**
     * The questions a reply may say: the one it asks and those asked before (the rest of the plan stays staged). A view,
     * not a copy: the asked questions of a snapshot never change, and the leak guard reads them only if the reply needs it.
     */
    private static List<String> mayAsk(SessionState s, Directive d) {
        List<String> asked = s.asked();
        return d.question().<List<String>>map(q -> new java.util.AbstractList<>() {
            @Override
            public String get(int i) {
                return i < asked.size() ? asked.get(i) : q;
            }

            @Override
            public int size() {
                return asked.size() + 1;
            }
        }).orElse(asked);
    }

    /** Starts a new session. */
    public static LiveSession start(TalkConfig config, StagedContext staged, String id) {
        if (!config.journal().read(id).isEmpty()) {
            throw new IllegalArgumentException("session '" + id + "' already exists in the journal; resume it instead");
        }
        HealthWatch health = new HealthWatch(id, config.clock(), config.events());
        JournalWriter writer = new JournalWriter(id, config.journal(), 0, health::saving);
        SessionLog log = SessionLog.start(new SessionEvent.Started(config.clock().instant(), id, staged), writer::accept);
        return new LiveSession(config, id, log, writer, health);
    }

    /** Rebuilds a session from its journal, equal to the state before. */
    public static LiveSession resume(TalkConfig config, String id) {
        List<JournalEntry> entries = config.journal().read(id);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no session '" + id + "' in the journal");
        }
        List<SessionEvent> events = SessionEvent.CODEC.decodeAll(entries);
        HealthWatch health = new HealthWatch(id, config.clock(), config.events());
        JournalWriter writer = new JournalWriter(id, config.journal(), entries.size(), health::saving);
        LiveSession session = new LiveSession(config, id, SessionLog.replay(events, writer::accept), writer, health);
        session.background.execute(() -> session.recall.reindex(session.log.snapshot()));
        return session;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionState state() {
        return log.snapshot();
    }

    @Override
    public SessionHealth health() {
        return health.health();
    }

    @Override
    public CompletableFuture<TurnRecord> open(TokenListener listener) {
        return turn(new Opening(System.nanoTime()), listener);
    }

    @Override
    public CompletableFuture<TurnRecord> respond(Utterance utterance, TokenListener listener) {
        return turn(new Answer(utterance), listener);
    }

    /** What starts a turn: the session's opening, or the person's finished words. A closed set. */
    private sealed interface Cue {
        long endedAtNanos();
    }

    private record Opening(long endedAtNanos) implements Cue { }

    private record Answer(Utterance utterance) implements Cue {
        public long endedAtNanos() {
            return utterance.endedAtNanos();
        }
    }

    /** A turn's plan before its request goes out: what it answers, what it does, the prompt, and what follows it. */
    private record Plan(int turn, String heard, Directive directive, Prompt prompt, Runnable behind) { }

    private CompletableFuture<TurnRecord> turn(Cue cue, TokenListener listener) {
        if (closed) {
            throw new IllegalStateException("session " + id + " is closed");
        }
        turnLock.lock();
        // The journal's writer is woken with what runs behind the request (its encoding and sync compete for the cores as
        // the monitors do), or at the end here if the turn failed before it was handed over.
        writer.hold();
        boolean handedOver = false;
        try {
            TurnRun previous = current.get();
            if (previous != null) {
                previous.interrupt();
            }
            Instant now = config.clock().instant();
            Plan plan = switch (cue) {
                case Opening o -> opening(now);
                case Answer a -> answer(log, monitors, a.utterance(), now);
            };
            EarlyReply early = prepared.getAndSet(null);
            if (early != null && !early.answers(plan.turn(), plan.prompt())) {
                early.drop();   // the words, or what they meet, changed: the prompt is another one
                LOG.debug("session {} turn {}: the reply prepared from the words so far was dropped", id, plan.turn());
                early = null;
            } else if (early != null) {
                LOG.debug("session {} turn {}: the reply prepared from the words so far is the turn's", id, plan.turn());
            }
            Span turnSpan = tracing.turn(sessionSpan, id, plan.turn());
            TalkTracing.directive(turnSpan, plan.directive().kind());
            TurnRun run = new TurnRun(ports, plan.turn(), plan.heard(), plan.directive(), plan.prompt(), cue.endedAtNanos(),
                    new ReplyPipe(listener), leakGuard.reply(mayAsk(log.snapshot(), plan.directive())));
            current.set(run);
            run.ended().thenAccept(this::turnEnded);
            try (Scope ignored = turnSpan.makeCurrent()) { // the engine's span for the call (chat <model>) is the turn's child
                run.start(early);
            }
            event(new TalkEvent.RequestSent(now, id, plan.turn(), Duration.ofNanos(run.requestSentNanos() - cue.endedAtNanos()),
                    plan.directive().kind()));
            run.result().whenComplete((r, e) -> {
                if (r != null) {
                    TalkTracing.turnDone(turnSpan, r);
                } else {
                    turnSpan.end();
                }
            });
            // What runs behind the request (monitors, indexing, the journal) starts once it is on the wire and answered
            // (Behind), so that it competes for the cores neither with sending it nor with a server on the same machine reading it.
            behind = Behind.start(run.onWire(), run.answered(), () -> {
                writer.release();
                if (closed) {
                    return;
                }
                try (Scope ignored = turnSpan.makeCurrent()) { // the monitors dispatched behind the request are the turn's children
                    plan.behind().run();
                } catch (RejectedExecutionException closedMeanwhile) {
                    // the session closed as the request went out: nothing is indexed behind it any more
                }
            }, background);
            handedOver = true;
            return run.result();
        } finally {
            if (!handedOver) {
                writer.release();
            }
            turnLock.unlock();
        }
    }

    private Plan opening(Instant now) {
        Directive directive = config.steering().opening(log.snapshot());
        SessionState s = log.append(new SessionEvent.DirectiveIssued(now, 0, directive));
        Prompt prompt = assembler.assemble(new ContextAssembler.Turn(s, directive, List.of(), now));
        prompt = prompt.withMessages(append(prompt.messages(), Message.user("[The person has joined the conversation.]")));
        return new Plan(0, "", directive, prompt, () -> { });
    }

    /**
     * Prepares the answer to {@code draft} on a copy of the state (the session's own is untouched): the plan the turn would
     * make from these words, and its reply generated early. The turn uses that reply only when the prompt it makes from
     * the final words is exactly the same (see {@link #turn}); otherwise, or when a turn began meanwhile, it is dropped.
     */
    @Override
    public void prepare(Utterance draft, TokenListener early) {
        if (closed || current.get() != null || draft.text().isBlank()) {
            return;
        }
        long order = preparations.incrementAndGet();
        Thread.ofVirtual().name("session-" + id + "-prepare").start(() -> {
            SessionState base = log.snapshot();
            int turn = base.turn() + 1;
            if (TakeoverGuard.check(turn, draft.text()).isPresent()) {
                return;   // never an answer: nothing to prepare
            }
            try {
                Plan plan = answer(SessionLog.replay(base.log(), e -> { }), glances, draft, config.clock().instant());
                EarlyReply r = EarlyReply.start(config.model(), order, plan.turn(), plan.prompt(), config.replyTimeout(), early);
                // Two preparations can finish planning in either order: the one begun on later words wins.
                EarlyReply old = prepared.getAndUpdate(o -> o == null || o.order() < order ? r : o);
                EarlyReply loser = old == null || old.order() < order ? old : r;
                if (loser != null) {
                    loser.drop();
                }
                // The turn came first, or the session closed: nobody will take it. Only while it is still there: a turn
                // that took it over meanwhile owns it, and dropping it would leave that turn waiting on a cancelled reply.
                if ((closed || log.snapshot().turn() >= turn) && prepared.compareAndSet(r, null)) {
                    r.drop();
                } else {
                    r.show();   // kept for the turn: the words may be rehearsed now (nothing if it lost or was taken)
                }
            } catch (RuntimeException e) {
                // a preparation that fails saves nothing and costs nothing: the turn plans itself as always
            }
        });
    }

    /** Plans an answer on {@code on} with {@code glance}'s monitors: the session's own, or a copy while preparing. */
    private Plan answer(SessionLog on, MonitorRunner glance, Utterance u, Instant now) {
        SessionState before = on.snapshot();
        int turn = before.turn() + 1;
        SessionState heardIt = on.append(new SessionEvent.UserSaid(now, turn, u.text(), u.replyDelay()));
        // Two cores: the take-over guard reads the words on the other one while the cheap monitors glance at them here. An
        // attempt to take over is no answer, so then what the glances found is dropped unreported, as if they had not run.
        SideTask<Optional<Signal>> guarding = SideTask.start(() -> TakeoverGuard.check(turn, u.text()));
        // Cheap monitors read the answer now, so the reply to it can follow a switch or meet a hard moment.
        TurnView heard = new TurnView(turn, u.text(), now, u.replyDelay(), before.lastDirective(), u.prosody());
        Glanced glanced = glance.glance(heard, view.apply(on.snapshot()));
        Optional<Signal> takeover = guarding.join();
        // Keyword recall and the count of the new words' tokens need only the words: beside steering, on the other core.
        SideTask<List<Moment>> recalling = SideTask.start(() -> {
            counts.of(heardIt.transcript(), heardIt.transcript().size() - 1);
            return recall.recalled(u.text(), turn);
        });
        if (takeover.isPresent()) {
            event(new TalkEvent.GuardTriggered(now, id, turn, "takeover-guard", "attempt to take over the agent"));
            on.append(new SessionEvent.SignalRaised(now, takeover.get()));
        } else {
            glance.report(glanced).forEach(signal -> on.append(new SessionEvent.SignalRaised(now, signal)));
        }
        Directive directive = config.steering().decide(view.apply(on.snapshot()));
        SessionState s = on.append(new SessionEvent.DirectiveIssued(now, turn, directive));
        List<Moment> recalled = recalling.join();
        Prompt prompt = assembler.assemble(new ContextAssembler.Turn(s, directive, recalled, now));
        // Behind the request: monitors on the turn, then indexing for later recall. An attempt to take over is never
        // an answer: the monitors do not see it (no coverage, claims, emotions, topics) and recall does not index it.
        boolean answer = takeover.isEmpty();
        return new Plan(turn, u.text(), directive, prompt, () -> {
            if (answer) {
                monitors.dispatch(new TurnView(turn, u.text(), now, u.replyDelay(), before.lastDirective(), u.prosody()), view.apply(s));
                background.execute(() -> recall.index(turn, u.text()));
            }
        });
    }

    @Override
    public void interrupt() {
        TurnRun run = current.get();
        if (run != null) {
            run.interrupt();
        }
    }

    @Override
    public void heard(int turn, int characters) {
        TurnRun run = current.get();
        CompletableFuture<?> ended = run != null && run.turn() == turn ? run.result() : CompletableFuture.completedFuture(null);
        ended.whenComplete((r, e) -> {   // after the reply's AgentSaid: the line to cut exists
            if (!closed) {
                append(new SessionEvent.Heard(config.clock().instant(), turn, characters));
            }
        });
    }

    @Override
    public void spoken(dev.chassis.talk.voice.AudioTiming timing) {
        if (!closed) {
            append(new SessionEvent.Spoken(config.clock().instant(), timing));
        }
    }

    @Override
    public boolean settle(Duration timeout) {
        return Settling.await(behind, monitors, background, timeout);
    }

    @Override
    public long monitorFailures() {
        return monitors.failures() + monitors.timeouts();
    }

    /** Waits until every event so far is in the journal (for tests and orderly shutdown). */
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        interrupt();
        closed = true;
        EarlyReply early = prepared.getAndSet(null);
        if (early != null) {
            early.drop();
        }
        append(new SessionEvent.Closed(config.clock().instant()));
        background.shutdown();
        writer.close();
        sessionSpan.end();
    }

    private SessionState append(SessionEvent e) {
        return log.append(e);
    }

    private void event(Event e) {
        config.events().accept(e);
    }

    private void turnEnded(TurnRun run) {
        current.compareAndSet(run, null);
        if (!closed) {
            compaction.afterTurn(background);
        }
    }

    private static List<Message> append(List<Message> messages, Message m) {
        List<Message> out = new ArrayList<>(messages);
        out.add(m);
        return out;
    }
}
