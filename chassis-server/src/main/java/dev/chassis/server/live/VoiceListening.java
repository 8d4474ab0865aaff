package dev.chassis.server.live;

import dev.chassis.core.model.TokenListener;
import dev.chassis.talk.channel.Channel;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.AudioTiming;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.SpeechTranscript;
import dev.chassis.talk.voice.TurnTaking;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The listening half of a {@link VoiceSession}: each connection's microphone goes through its own {@link TurnTaking}
 * (voice activity, end of turn, recognition) on the session's listening thread, behind a bounded queue that keeps the
 * pieces' order ({@link InboundLane}), so that a connection's handler never waits for it. A finished turn is said as if
 * typed; the person starting to speak while the interviewer talks or its audio still plays is a barge-in. Thread-safe.
 */
final class VoiceListening implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VoiceListening.class);
    /**
     * Microphone pieces that may wait to be heard: about a minute of a page's audio (pieces of ~100 ms), 20 s of a call's
     * (20 ms). Further behind than that, what the person says would be heard too late to answer anyway.
     */
    static final int BACKLOG = 1_000;

    private final VoiceEngines engines;
    private final String language;
    private final Channel out;
    private final VoiceSession.Turns turns;
    private final VoiceStats stats;
    private final SessionAudio kept;   // the audio heard and sent, kept with the session
    private final BooleanSupplier playing;   // whether the interviewer's audio may still be playing
    private final Supplier<TokenListener> rehearser;   // hears a reply prepared in a pause and rehearses its first piece
    private final Map<Peer, TurnTaking> ears = new ConcurrentHashMap<>();
    private final InboundLane<Heard> inbound;   // the connections' microphone pieces, heard in order on the lane's thread
    private final ReentrantLock listening = new ReentrantLock();
    private volatile boolean closing;
    private boolean stopped;           // under listening: the connections' turn-taking and the kept audio are closed
    private volatile boolean behind;   // pieces were dropped for a full backlog and the person told; until it clears
    private volatile long pieceArrived;   // when the audio being heard arrived: a barge-in's time is told from it
    private volatile long bargeInSince;   // the arrival of the speech cutting the reply off, 0 when none is under way

    VoiceListening(VoiceEngines engines, String language, Channel out, VoiceSession.Turns turns, VoiceStats stats, SessionAudio kept,
                   BooleanSupplier playing, Supplier<TokenListener> rehearser) {
        this.engines = engines;
        this.language = language;
        this.out = out;
        this.turns = turns;
        this.stats = stats;
        this.kept = kept;
        this.playing = playing;
        this.rehearser = rehearser;
        this.inbound = new InboundLane<>("voice-listening", BACKLOG, this::listen);
    }

    /** The interviewer's audio of a new reply began: speech from a second on answers it. */
    void replied() {
        ears.values().forEach(TurnTaking::replied);
    }

    /** When the audio of the barge-in under way arrived (0 when none); the next asks about the next one. */
    long takeBargeIn() {
        long since = bargeInSince;
        bargeInSince = 0;
        return since;
    }

    /**
     * A piece of a connection's microphone audio, as it arrives: queued for the session's listening thread, so that the
     * connection's handler returns at once; never blocks. A piece that finds {@link #BACKLOG} pieces waiting is not
     * heard, and the person is told (once until the backlog clears) to say it again.
     */
    void hear(Peer from, short[] samples) {
        if (!inbound.offer(new Heard.Piece(from, samples, System.nanoTime())) && !closing) {
            if (!behind) {
                behind = true;
                LOG.warn("voice session behind: {} pieces of audio wait to be heard; pieces are dropped until they are", BACKLOG);
                from.send(new Frame.Failed("the server is behind with your audio and missed some of it; please say that again"));
            }
        }
    }

    /** The connection left: once the audio it sent before is heard, its turn in progress is dropped. */
    void forget(Peer peer) {
        inbound.add(new Heard.Left(peer));
    }

    /** On the listening thread: an item of the lane, in the order the connections' handlers gave them. */
    private void listen(Heard item) {
        listening.lock();
        try {
            if (closing) {
                return;
            }
            switch (item) {
                case Heard.Piece p -> ParticipantSocket.guarded(p.from(), false, () -> {
                    pieceArrived = p.arrivedNanos();
                    behind = behind && inbound.waiting() > 0;
                    kept.heard(p.from(), p.from() instanceof PhoneSocket.PhonePeer, p.samples());   // before its turn-taking: an answer's audio is in when it ends
                    ears.computeIfAbsent(p.from(), f -> new TurnTaking(engines.vad(), engines.stt(), engines.endOfTurn().get(), language,
                            new Ear(f))).feed(p.samples());
                });
                case Heard.Left l -> drop(l.peer());
            }
        } finally {
            listening.unlock();
        }
        if (closing) {
            stopListening();
        }
    }

    private void drop(Peer peer) {
        TurnTaking t = ears.remove(peer);
        if (t != null) {
            t.close();
        }
        kept.forget(peer);
    }

    /**
     * Stops listening without waiting for the listening thread (the interview's lock may be held, and a turn being heard
     * takes it): the audio still queued is dropped; the connections' turn-taking and the kept audio close now if nothing is
     * being heard, else as soon as the piece being heard is done.
     */
    @Override
    public void close() {
        closing = true;
        inbound.close();
        if (listening.tryLock()) {
            try {
                stopListening();
            } finally {
                listening.unlock();
            }
        }
    }

    /** Once, under the listening lock or after it: forgets every connection and closes the kept audio. */
    private void stopListening() {
        listening.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            ears.keySet().forEach(this::drop);
            kept.close();
        } finally {
            listening.unlock();
        }
    }

    /** One connection's listener. */
    private final class Ear implements TurnTaking.Listener {
        private final Peer peer;

        Ear(Peer peer) {
            this.peer = peer;
        }

        @Override
        public void speechStarted() {
            if (turns.replying() || playing.getAsBoolean()) {
                long onset = System.nanoTime();
                bargeInSince = pieceArrived;
                turns.bargeIn();
                LOG.debug("barge-in: audio arrived at {}, onset confirmed {} ms later, the interruption handed to the connections {} ms "
                        + "after that", pieceArrived, (onset - pieceArrived) / 1_000_000.0, (System.nanoTime() - onset) / 1_000_000.0);
            }
        }

        @Override
        public void paused(SpeechTranscript soFar, Prosody.Summary prosody) {
            if (!turns.replying() && !playing.getAsBoolean()) {
                turns.prepare(soFar.text().strip(), prosody, rehearser.get());
            }
        }

        @Override
        public void turnEnded(TurnTaking.VoiceTurn turn) {
            String text = turn.transcript().text().strip();
            if (text.isEmpty()) {
                peer.send(new Frame.Failed("sorry, I did not catch that; please say it again or type it"));
                return;
            }
            stats.answered(turn.endedAtNanos(), turn.speechStart().toMillis(), turn.speechEnd().toMillis(), turn.waited().toNanos() / 1_000_000.0,
                    AudioTiming.EndOfTurn.of(turn.reading()));
            out.send(new Frame.Heard(text));
            int began = turns.said(text, turn.prosody());
            kept.answered(peer, began, turn.speechStart(), turn.speechEnd());
        }

        @Override
        public void failed(SpeechException e) {
            peer.send(new Frame.Failed("your words could not be recognised just now; please say them again or type them"));
        }
    }
}
