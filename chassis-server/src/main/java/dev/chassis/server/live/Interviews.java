package dev.chassis.server.live;

import dev.chassis.core.journal.JournalEntry;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.server.files.DataFolder;
import dev.chassis.server.health.ServerHealth;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.StorageProblem;
import dev.chassis.server.metrics.ServerMetrics;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.store.Leases;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.state.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interviews this server holds, by session id, and what happens around them: opening and resuming
 * talk-harness sessions from the journal, keeping each turn's timings ({@link DataFolder#turns}),
 * and, when an interview completes, saving its transcript with the study (and in its run's inbox, when
 * it belongs to one). An interview whose participant's last connection closed is released a few seconds later
 * ({@link #RELEASE_AFTER}, time for a reloaded page to come back; a reply still streaming finishes first), and one
 * without participant activity for the idle timeout (an open but silent page) is closed and flushed by a sweep; either
 * way its journal keeps it, and the same link resumes it.
 *
 * <p>Storage faults are said, not swallowed: while the journal database cannot be written, every participant is
 * told in plain words (and again when it works); a session record, turn timings or a completed transcript that
 * cannot be saved is kept and saved again once the storage recovers ({@link SessionRecords}, tried every two seconds), and the data folder's
 * check in {@link ServerHealth} says why meanwhile. Thread-safe.
 */
public final class Interviews implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Interviews.class);
    /** How long an interview is kept after its participant's last connection closed (at most the idle timeout). */
    public static final Duration RELEASE_AFTER = Duration.ofSeconds(5);
    private static final long RELEASE_RETRY_MILLIS = 500;
    /** The WebSocket close code for a connection to a session another node answers (the page connects again shortly). */
    static final int ELSEWHERE_CLOSE = 4409;

    private final Supplier<TalkHarness> harness;
    private final Studies studies;
    private final SessionStore sessions;
    private final ServerMetrics metrics;
    private final ServerHealth health;
    private final SessionRecords records;
    private final DataFolder files;
    private final Map<String, LiveInterview> live = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final long releaseMillis;
    private final ScheduledExecutorService sweeper;
    private final VoiceChannels voices = new VoiceChannels();
    /** Set first by {@link #close}: a socket that closes after the server stopped changes nothing (a stored "live" reads as paused). */
    private volatile boolean closing;
    /** Releases under way: closing waits for them, so nothing writes into the data folder after the server closed. */
    private final java.util.Set<Thread> releasing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Which of the sessions this node answers, among the nodes sharing the database. */
    private final Ownership ownership;

    /**
     * @param harness     the harness a session opens on (the server's ledger rebuilds it when an incident is added)
     * @param onCompleted told about every completed interview (after its transcript is saved); runs use it
     * @param idleTimeout how long an interview may go without activity before it is closed
     * @param leases      the shared database's session leases, held as {@code node} for {@code lease} at a time (renewed while
     *                    live); empty when this is the only server on its database
     */
    public Interviews(Supplier<TalkHarness> harness, Studies studies, SessionStore sessions, ServerMetrics metrics, ServerHealth health, DataFolder files,
                      Clock clock, BiConsumer<SessionInfo, Transcript> onCompleted, Duration idleTimeout, Optional<Leases> leases, String node, Duration lease) {
        this.harness = harness;
        this.studies = studies;
        this.sessions = sessions;
        this.metrics = metrics;
        this.health = health;
        this.records = new SessionRecords(sessions, files, clock, health, onCompleted);
        this.files = files;
        this.idleNanos = idleTimeout.toNanos();
        this.releaseMillis = Math.min(idleTimeout.toMillis(), RELEASE_AFTER.toMillis());
        // a quarter of the timeout between sweeps (at most 30 s): an idle interview closes within 1.25 timeouts
        long every = Math.max(10, Math.min(idleTimeout.toMillis() / 4, 30_000));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("idle-interviews").factory());
        sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
        sweeper.scheduleWithFixedDelay(records::saveUnsaved, 2, 2, TimeUnit.SECONDS);
        health.onChange(this::healthChanged);
        this.ownership = new Ownership(leases, node, lease, this::lost);
    }

    /** Connects a participant's peer to their interview. */
    public void connect(String sessionId, Peer peer) {
        SessionInfo info = sessions.get(sessionId);
        if (ownership.claim(sessionId) == Ownership.Claim.ELSEWHERE) {
            lost(sessionId);   // were it held here too, it is not any more
            handOver(peer);
            return;
        }
        java.util.function.Function<String, LiveInterview> opened = id -> new LiveInterview(id, this, records.storedTurns(id), info.status().equals("completed"));
        LiveInterview i = live.computeIfAbsent(sessionId, opened);
        while (!i.attach(peer)) {   // closed for inactivity between the look-up and the attach: it leaves the map, open it anew
            live.remove(sessionId, i);
            i = live.computeIfAbsent(sessionId, opened);
        }
        if (peer.closed()) {
            // the connection closed while it was being attached: its close found nothing to detach, so detach it now, or
            // the interview would stay held for a participant who is gone until the idle timeout
            disconnect(sessionId, peer);
            return;
        }
        health.check(ServerHealth.STORE).filter(c -> !c.up()).ifPresent(c -> peer.send(new Frame.Storage(false)));
    }

    /**
     * A participant's peer went away; with nobody left, the interview is paused and released shortly unless someone
     * connects again meanwhile.
     */
    public void disconnect(String sessionId, Peer peer) {
        if (closing) {
            return;   // the server is stopping: its sockets close after it, and every session is suspended by close()
        }
        LiveInterview i = live.get(sessionId);
        if (i == null || i.detach(peer)) {
            return;
        }
        releaseLater(i, releaseMillis, 0);
    }

    /** Releases {@code i} in {@code millis}; {@code waited} is how long it has already waited for a reply to end. */
    private void releaseLater(LiveInterview i, long millis, long waited) {
        try {
            // on its own thread: settling a session's monitors may take a moment, and a thousand may leave at once
            sweeper.schedule(() -> underWay("release-" + i.id(), () -> release(i, waited)), millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // the server is closing: every session is suspended anyway
        }
    }

    /** Runs {@code work} on its own thread, which closing waits for (it writes into the data folder). */
    void underWay(String name, Runnable work) {
        Thread t = Thread.ofVirtual().name(name).unstarted(() -> {
            try {
                work.run();
            } finally {
                releasing.remove(Thread.currentThread());
            }
        });
        releasing.add(t);
        t.start();
    }

    private void release(LiveInterview i, long waited) {
        try {
            // a reply streaming to nobody gets as long again as the release waited to end; then it is cut (a stalled model
            // stream would otherwise keep the session for the model's read timeout)
            if (i.releaseIfLeft(waited >= releaseMillis) == Release.LATER) {
                releaseLater(i, RELEASE_RETRY_MILLIS, waited + RELEASE_RETRY_MILLIS);
            }
        } catch (RuntimeException e) {
            LOG.warn("session {} could not be released cleanly: {}", i.id(), StorageProblem.of(e).orElse(e.getMessage()));
        } finally {
            forgetIfClosed(i);
        }
    }

    /** @see VoiceChannels#engines */
    VoiceEngines voiceEngines(boolean phone) {
        return voices.engines(phone);
    }

    /** @see VoiceChannels#warmUp */
    public boolean warmUpVoice() throws InterruptedException {
        return voices.warmUp();
    }

    /** Never leaves a closed interview where connect would find it; gives its lease up so any node may take it at once. */
    private void forgetIfClosed(LiveInterview i) {
        if (i.closed() && live.remove(i.id(), i)) {
            ownership.release(i.id());
        }
    }

    /** Another node took the session over: this one stops answering it and sends its connections there. */
    private void lost(String sessionId) {
        LiveInterview i = live.remove(sessionId);
        if (i != null) {
            i.handOver();
        }
    }

    /** Tells a connection that another node answers its session now; the page connects again (to that node) shortly. */
    static void handOver(Peer peer) {
        peer.send(new Frame.Failed("this interview is open on another server; connecting again in a moment"));
        peer.close(ELSEWHERE_CLOSE, "the interview is open on another server; connect again");
    }

    /** This server's node id among the servers sharing its database. */
    public String node() {
        return ownership.node();
    }

    /** The sessions this node holds the lease of. */
    public int leases() {
        return ownership.held();
    }

    /** The connection's player says everything it was sent has played (a telephone's echoed mark). */
    void played(String sessionId) {
        LiveInterview i = live.get(sessionId);
        if (i != null) {
            i.played();
        }
    }

    /** A frame from a participant's connection (already read: never throws on what a participant sends). */
    void message(String sessionId, Peer from, Frame.In frame) {
        if (frame instanceof Frame.Stop) {
            disconnect(sessionId, from);   // the connection closed
            return;
        }
        LiveInterview i = live.get(sessionId);
        if (i == null || i.closed()) {
            from.send(new Frame.Failed(i == null ? "not connected to this interview" : "this interview was closed after a while without activity; "
                    + "open the link again to continue"));
            return;
        }
        if (!(frame instanceof Frame.Ping)) {
            i.active();   // a ping is the page keeping its connection, not the participant taking part
        }
        if ((frame instanceof Frame.Start || frame instanceof Frame.Say) && ownership.claim(sessionId) == Ownership.Claim.ELSEWHERE) {
            lost(sessionId);   // another node answers it now: never both
            return;
        }
        switch (frame) {
            case Frame.Start s -> i.start();
            case Frame.Say s -> i.say(s.text());
            case Frame.Interrupt t -> i.typing();
            case Frame.Voice v -> i.voice(from);
            case Frame.AudioIn a -> i.audio(from, a.samples());
            case Frame.Ping p -> from.send(new Frame.Pong());
            case Frame.Unreadable u -> from.send(new Frame.Failed(u.problem()));
            case Frame.Stop s -> { }   // handled before the look-up
        }
    }

    /** The session's state now: live when held here, else replayed from the journal; empty before it started. */
    public Optional<SessionState> state(String sessionId) {
        LiveInterview i = live.get(sessionId);
        Optional<Session> s = i == null ? Optional.empty() : i.session();
        return s.isPresent() ? Optional.of(s.get().state()) : storedState(sessionId);
    }

    /** The console's view of a session. */
    public StateView view(String sessionId) {
        SessionInfo info = sessions.get(sessionId);
        LiveInterview i = live.get(sessionId);
        long failures = i == null ? 0 : i.session().map(Session::monitorFailures).orElse(0L);
        List<TurnStat> turns = i == null ? records.storedTurns(sessionId) : i.stats();
        SessionState s = state(sessionId).orElse(null);
        if (s == null) {
            return new StateView(sessionId, info.status(), info.language(), "", 0, false, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), 0, 0, 0, List.of(), Optional.empty());
        }
        return StateView.of(s, studies.get(info.study()), info.status(), turns, failures, VoiceView.of(s));
    }

    /** A turn's kept audio ({@link KeptAudio#clip}); 404 before the session started. */
    public AudioClip audio(String sessionId, int turn, String track) {
        SessionState s = state(sessions.get(sessionId).id()).orElseThrow(() -> ApiException.notFound("session '" + sessionId + "' has not started yet"));
        return KeptAudio.clip(s, turn, track, t -> files.audio(sessionId, t.file));
    }

    /** The session as a research transcript; 404 before it started. */
    public Transcript transcript(String sessionId) {
        SessionInfo info = sessions.get(sessionId);
        return state(sessionId).map(s -> SessionTranscripts.of(s, info.participant()))
                .orElseThrow(() -> ApiException.notFound("session '" + sessionId + "' has not started yet"));
    }

    /** Closes every interview idle for the timeout; a failure is kept from the scheduler, which would stop sweeping. */
    void closeIdle() {
        long now = System.nanoTime();
        for (LiveInterview i : live.values()) {
            try {
                i.closeIfIdle(idleNanos, now);
            } catch (RuntimeException e) {
                // one interview that cannot close (say, its journal is unreachable) must not keep the others open
            } finally {
                forgetIfClosed(i);
            }
        }
    }

    public int open() {
        return metrics.liveSessions();
    }

    // --- used by LiveInterview ---

    boolean begun(String id) {
        return !harness.get().journal().read(id).isEmpty();
    }

    Session resume(String id) {
        Session s = harness.get().resume(id);
        metrics.sessionOpened();   // after: a resume that failed opened nothing, and must not be counted as held
        return s;
    }

    Session open(String id) {
        SessionInfo info = sessions.get(id);
        TalkHarness h = harness.get();
        Session s = h.open(h.stage(studies.guide(info.study()).briefing(info.language(), Map.of())), id);
        metrics.sessionOpened();
        return s;
    }

    void closed(String id) {
        metrics.sessionClosed();
    }

    /** Its participant left, or it was closed for inactivity: the session shows as paused. */
    void idle(String id) {
        records.status(id, "paused");
    }

    /** A participant is connected to the session. */
    void live(String id) {
        records.status(id, "live");
    }

    void turnFinished(String id, TurnRecord r, List<TurnStat> all) {
        metrics.turn(r);
        records.turns(id, all);
    }

    /** What a voice session keeps of its audio, up to {@code cap}. */
    SessionAudio keptAudio(String id, AudioCap cap, java.util.function.Consumer<dev.chassis.talk.voice.AudioTiming> journal) {
        return new SessionAudio(id, t -> files.audio(id, t.file), cap, journal, health);
    }

    /** @see SessionRecords#completed */
    void completed(String id, SessionState state) {
        records.completed(id, state);
    }

    /** Participants hear when saving stops and starts working again; what waited to be saved is saved. */
    private void healthChanged(ServerHealth.Check c) {
        if (c.name().equals(ServerHealth.STORE)) {
            Frame.Storage notice = new Frame.Storage(c.up());
            live.values().forEach(i -> i.broadcast(notice));
        }
        if (c.up() && (c.name().equals(ServerHealth.STORE) || c.name().equals(ServerHealth.FILES))) {
            Thread.ofVirtual().name("save-unsaved").start(records::saveUnsaved);
        }
    }

    Optional<SessionState> storedState(String id) {
        List<JournalEntry> entries = harness.get().journal().read(id);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SessionLog.replay(SessionEvent.CODEC.decodeAll(entries), e -> { }).snapshot());
    }

    /**
     * From now on, as a node that died would for the other nodes: leases are neither renewed nor given up, so they lapse
     * and another node takes the sessions over; this node answers nothing more. {@link #close} still closes.
     */
    public void halt() {
        ownership.halt();
    }

    /** Closes every open session without completing it: each resumes from its journal on the next start (here or on another node). */
    @Override
    public void close() {
        closing = true;
        records.closing();
        ownership.close();
        sweeper.shutdownNow();
        try {
            // the sweep or save under way, and every release already started, finish before the data folder is let go
            sweeper.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread t : List.copyOf(releasing)) {
                t.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.values().forEach(LiveInterview::suspend);
        live.keySet().forEach(ownership::release);
        live.clear();
    }
}
