package dev.chassis.server.live;

import dev.chassis.core.model.TokenListener;
import dev.chassis.talk.Session;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.Utterance;
import dev.chassis.talk.channel.Conversation;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.voice.AudioTiming;
import dev.chassis.talk.voice.Prosody;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One participant's interview while the server holds it: the talk-harness session and the connections
 * watching it. Frames from any connection drive the session (start, say, interrupt); every connection
 * gets the streamed reply through a {@link Conversation}. Turn changes happen under a lock so that turn numbers and the
 * order of {@link Frame.ReplyStarted} and tokens hold; token delivery itself takes no lock beyond the peer's queue.
 * Thread-safe.
 */
final class LiveInterview {

    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The WebSocket close code for an interview closed for inactivity (4000-4999 are the application's). */
    static final int IDLE_CLOSE = 4408;

    private final String id;
    private final Interviews owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Connections peers = new Connections();
    private final List<TurnStat> stats;
    private volatile Session session;       // changed under lock
    private volatile Conversation conversation; // over the session, made under lock when a reply starts
    private final Conversation.TurnHooks hooks = new TurnEnd();
    private volatile int speakingTurn = -1; // the turn whose reply is streaming, -1 when none
    private volatile boolean done;
    private final TurnClock clock = new TurnClock();
    private volatile boolean closed;                        // closed for inactivity; set under lock, read without (typing takes no lock)
    private volatile boolean completing;                    // the wrap-up was delivered: the session completes, never releases
    private final InterviewVoice voice;                     // once a participant speaks: replies are spoken too

    LiveInterview(String id, Interviews owner, List<TurnStat> stats, boolean done) {
        this.id = id;
        this.owner = owner;
        this.stats = new CopyOnWriteArrayList<>(stats);
        this.done = done;
        this.voice = new InterviewVoice(this, lock, owner);
    }

    String id() {
        return id;
    }

    boolean done() {
        return done;
    }

    Optional<Session> session() {
        lock.lock();
        try {
            return Optional.ofNullable(session);
        } finally {
            lock.unlock();
        }
    }

    List<TurnStat> stats() {
        return List.copyOf(stats);
    }

    /**
     * Adds a connection and tells it where the interview stands; resumes the session from the journal if it was begun.
     *
     * @return false when this interview was closed for inactivity meanwhile: the caller opens a new one
     */
    boolean attach(Peer peer) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            clock.active(System.nanoTime());
            if (session == null && !done && owner.begun(id)) {
                session = owner.resume(id);
                if (session.state().wrappedUp()) { // the wrap-up was confirmed, then the server stopped before completing
                    owner.completed(id, closeCompleted());
                    owner.closed(id);
                }
            }
            peers.add(peer);
            peer.send(hello());
            if (!done) {
                owner.live(id);   // under the lock, as "paused" is: the two cannot cross
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes a connection; when it was the last one, the interview shows as paused.
     *
     * @return false only when it was the last one (a peer it never had changes nothing)
     */
    boolean detach(Peer peer) {
        lock.lock();
        try {
            voice.forget(peer);
            if (!peers.remove(peer) || !peers.isEmpty()) {
                return true;
            }
            voice.unheard();   // the audio sent to the last connection stopped with it: speaking next is no barge-in
            if (!done && !closed) {
                owner.idle(id);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The participant did something (a message other than a ping): the idle clock starts again. */
    void active() {
        clock.active(System.nanoTime());
    }

    boolean closed() {
        return closed;
    }

    /**
     * Closes the interview if neither the participant nor the interviewer has done anything for {@code timeoutNanos}:
     * the last answer's monitors settle, the session closes (flushing its journal, which keeps it for a resume), and
     * each connection is told and closed. Never while a reply streams.
     *
     * @return whether it closed
     */
    boolean closeIfIdle(long timeoutNanos, long nowNanos) {
        lock.lock();
        try {
            if (closed || speakingTurn >= 0 || completing && !done || !clock.idleFor(timeoutNanos, nowNanos)) {
                return false;
            }
            shut();
        } finally {
            lock.unlock();
        }
        broadcast(new Frame.Idle());
        peers.closeAll(IDLE_CLOSE, "closed after a while without activity; open the link again to continue");
        return true;
    }

    /**
     * Closes the interview when nobody is connected to it any more, as an idle one is closed: the last answer's monitors
     * settle and the session closes (its journal keeps it for a resume). A reply still streaming finishes first, unless
     * {@code cutReply}: then it is cut (the transcript keeps what was said, marked cut off) and the release comes next time.
     */
    Release releaseIfLeft(boolean cutReply) {
        lock.lock();
        try {
            if (closed) {
                return Release.RELEASED;
            }
            if (!peers.isEmpty()) {
                return Release.REJOINED;
            }
            if (speakingTurn >= 0 && cutReply && session != null) {
                session.interrupt();   // ends the turn at once; its end clears speakingTurn
            }
            if (speakingTurn >= 0 || completing && !done) {
                return Release.LATER;
            }
            shut();
            return Release.RELEASED;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: marks the interview closed (a connection arriving now opens a new one) and closes its session. */
    private void shut() {
        closed = true;
        voice.close();
        boolean open = session != null && !done;
        if (open) {
            session.settle(SETTLE);
            session.close();
            session = null;
        }
        if (!done) {
            owner.idle(id);   // under the lock: a reconnect's "live" cannot come before it
        }
        if (open) {
            owner.closed(id);   // after "paused" is saved: a session counted as let go never still reads as live
        }
    }

    /**
     * The participant agreed and is ready: opens the session with the opening turn (again only if never opened). Not on an
     * interview closed meanwhile: a start that arrives after its participant left and the interview was released would
     * open a session nobody holds.
     */
    void start() {
        lock.lock();
        try {
            if (closed || done || session != null) {
                return;
            }
            session = owner.open(id);
            speaking(0, () -> conversation().open());
        } finally {
            lock.unlock();
        }
    }

    /** The participant finished a turn (typed). */
    void say(String text) {
        say(text, Optional.empty());
    }

    /**
     * The participant finished a turn; {@code prosody} is how a spoken one sounded.
     *
     * @return the turn it began; -1 when it began none (the interview had not started, or had ended)
     */
    int say(String text, Optional<Prosody.Summary> prosody) {
        long now = System.nanoTime();
        lock.lock();
        try {
            if (done) {
                broadcast(new Frame.Failed("this interview has ended"));
                return -1;
            }
            if (closed || session == null) {
                broadcast(new Frame.Failed("the interview has not started yet"));
                return -1;
            }
            Utterance said = new Utterance(text, Optional.of(clock.turnEnded(now)), now, prosody);
            int turn = session.state().turn() + 1;
            speaking(turn, () -> conversation().say(said));
            return turn;
        } finally {
            lock.unlock();
        }
    }

    /** The participant is typing: remember when they began, and cut the agent off if it is still talking. */
    void typing() {
        clock.typing(System.nanoTime());
        Conversation c = conversation;
        boolean cut = c != null && c.interrupt();   // the reply stops, and the interruption overtakes its tokens still queued
        if (!cut) {
            voice.interruptAudio();   // the reply had streamed but its audio still plays: stop it
        }
    }

    /** The participant will speak: their audio is listened to and the replies spoken from now on. */
    void voice(Peer from) {
        voice.on(from);
    }

    /** The person heard {@code characters} of the reply of {@code turn} before they stopped it (by voice). */
    void heard(int turn, int characters) {
        Session s = session;
        if (s != null) {
            s.heard(turn, characters);
        }
    }

    /** The person paused in a spoken turn after {@code words}: the session prepares its answer early, unless a reply streams. */
    void prepare(String words, Prosody.Summary prosody, TokenListener early) {
        Session s = session;
        if (s != null && !done && !closed && speakingTurn < 0) {
            long now = System.nanoTime();
            s.prepare(new Utterance(words, Optional.of(clock.pause(now)), now, Optional.of(prosody)), early);
        }
    }

    /** What the audio did (a spoken answer's timings, a barge-in's): journaled with the session's turns. */
    void spoken(AudioTiming timing) {
        Session s = session;
        if (s != null) {
            s.spoken(timing);
        }
    }

    /** The participant's player has played all the audio sent to it. */
    void played() {
        voice.played();
    }

    /** Whether a connection is there to play the interviewer's audio. */
    boolean listened() {
        return !peers.isEmpty();
    }

    /** Whether a reply is streaming. */
    boolean replying() {
        return speakingTurn >= 0;
    }

    /** A piece of a participant's speech (the first one turns voice on). */
    void audio(Peer from, short[] samples) {
        voice.audio(from, samples, !closed);
    }

    /** Under the lock: the reply of {@code turn} begins; a turn that fails to start is over (a release must not wait for it). */
    private void speaking(int turn, Runnable begin) {
        speakingTurn = turn;
        try {
            begin.run();
        } catch (RuntimeException e) {
            if (speakingTurn == turn) {
                speakingTurn = -1;
            }
            throw e;   // the socket's guard says what failed
        }
    }

    /** Under the lock: the conversation over the session just opened or resumed, speaking to every connection. */
    private Conversation conversation() {
        if (conversation == null || conversation.session() != session) {
            conversation = new Conversation(session, voice::speak, hooks);
        }
        return conversation;
    }

    /** What the server keeps of each turn: before the participant hears that the reply ended, and after. */
    private final class TurnEnd implements Conversation.TurnHooks {
        @Override
        public void ending(int turn, TurnRecord r, Throwable e) {
            if (e == null && r.directive() instanceof Directive.WrapUp && !r.cutOff()) {
                completing = true;   // before the turn counts as over, so that a release waits for the completion
            }
            if (speakingTurn == turn) {
                speakingTurn = -1;
                clock.agentDone(System.nanoTime());
            }
            if (e == null) {
                stats.add(TurnStat.of(turn, r));
                owner.turnFinished(id, r, stats());
            }
        }

        @Override
        public void ended(int turn, TurnRecord r, Throwable e) {
            if (e != null) {
                broadcast(new Frame.Failed("the interviewer could not answer; please say that again"));
            } else if (r.directive() instanceof Directive.WrapUp && !r.cutOff()) {
                owner.underWay("complete-" + id, LiveInterview.this::complete);   // the server's close waits for it
            }
        }
    }

    /** The interviewer has wrapped up: settle the monitors, close the session, keep the transcript. */
    void complete() {
        SessionState finalState;
        lock.lock();
        try {
            if (done || session == null) {
                return;
            }
            finalState = closeCompleted();
        } finally {
            lock.unlock();
        }
        try {
            owner.completed(id, finalState);
        } finally {
            owner.closed(id);   // counted as let go only once its completion is recorded (or waits, kept, for the store)
        }
        broadcast(new Frame.Done());
    }

    /**
     * Under the lock: marks the interview done, settles and closes its session; returns the final state. The caller
     * records the completion, then counts the session closed: until then it is still held, and still reads as live.
     */
    private SessionState closeCompleted() {
        done = true;
        session.settle(SETTLE);
        SessionState finalState = session.state();
        session.close();
        return finalState;
    }

    /**
     * Another node took this session over: stop answering (the session closes without settling; its journal is the new
     * owner's now) and send every connection there.
     */
    void handOver() {
        lock.lock();
        try {
            closed = true;
            voice.close();   // its audio files too: the new owner appends to its own
            letGo();
        } finally {
            lock.unlock();
        }
        peers.handOverAll();
    }

    /** Closes the session without completing it (server shutdown); it resumes from its journal later. */
    void suspend() {
        lock.lock();
        try {
            voice.close();
            letGo();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: stops and closes a session not completed, without settling it; its journal keeps it. */
    private void letGo() {
        if (session == null || done) {
            return;
        }
        try {
            session.interrupt();
            session.close();
        } catch (RuntimeException e) {
            // its last entries may meet a new owner's after a hand-over: the journal keeps the first writer's
        } finally {
            session = null;
            owner.closed(id);
        }
    }

    private Frame.Hello hello() {
        Optional<SessionState> s = session != null ? Optional.of(session.state()) : owner.storedState(id);
        return new Frame.Hello(id, s.isPresent(), done, speakingTurn, s.map(SessionState::transcript).map(List::copyOf).orElse(List.of()));
    }

    void broadcast(Frame.Out frame) {
        peers.broadcast(frame);
    }
}
