package dev.chassis.server.live;

import dev.chassis.server.health.ServerHealth;
import dev.chassis.server.http.StorageProblem;
import dev.chassis.talk.voice.AudioTiming;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a voice session keeps of its audio: the participant's microphone as received (a page's 16 kHz; a call's 8 kHz)
 * and the interviewer's voice as sent (16 kHz), each appended to its file as it arrives ({@link AudioFile}), and for each
 * turn a {@link AudioTiming.Kept} journaled once the audio it names is forced to the device. Up to the {@link AudioCap}
 * per track; when the cap is reached or a write fails, that track is no longer kept (an {@link AudioTiming.NotKept} is
 * journaled and logged, a failed write also sets the server's {@link ServerHealth#AUDIO} check) and the interview
 * goes on. Thread-safe.
 */
final class SessionAudio implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionAudio.class);
    static final String PARTICIPANT = "participant";
    static final String INTERVIEWER = "interviewer";

    /** The files of a session's audio: their fixed names, what they hold and at what rate. */
    enum Track {
        BROWSER("browser", PARTICIPANT, 16_000), PHONE("phone", PARTICIPANT, 8_000), INTERVIEWER_VOICE("interviewer", INTERVIEWER, 16_000);

        final String file;
        final String kind;
        final int rate;

        Track(String file, String kind, int rate) {
            this.file = file;
            this.kind = kind;
            this.rate = rate;
        }
    }

    /** One connection's microphone: its stream's clock (16 kHz samples, as its turn-taking counts them) and where it is kept. */
    private static final class Mic {
        final Track track;
        long fed;              // samples heard on this connection so far
        long anchor = -1;      // the sample from which it is kept, -1 while it is not
        long anchorByte;       // where that sample is in the file
        long keptUntil = -1;   // the sample up to which it is kept without a gap

        Mic(Track track) {
            this.track = track;
        }
    }

    private final String sessionId;
    private final Function<Track, Path> fileOf;
    private final AudioCap cap;
    private final Consumer<AudioTiming> journal;
    private final ServerHealth health;
    private final Map<Track, AudioFile> files = new EnumMap<>(Track.class);
    private final Map<String, Boolean> stopped = new HashMap<>();   // by kind: no longer kept
    private final Map<String, Double> keptSeconds = new HashMap<>();   // by kind: audio in its files, read from them at first
    private final Map<Peer, Mic> mics = new HashMap<>();
    private final Map<Track, Peer> recording = new EnumMap<>(Track.class);   // whose microphone goes into each file
    private int replyTurn = -1;
    private long replyFrom;
    private long replyTo;
    private boolean closed;

    /**
     * @param fileOf  the file of each track (in the data folder, named from the session's id)
     * @param journal where the references go (the session's journal)
     * @param health  its {@link ServerHealth#AUDIO} check says whether the last write failed
     */
    SessionAudio(String sessionId, Function<Track, Path> fileOf, AudioCap cap, Consumer<AudioTiming> journal, ServerHealth health) {
        this.sessionId = sessionId;
        this.fileOf = fileOf;
        this.cap = cap;
        this.journal = journal;
        this.health = health;
    }

    /** Keeps nothing (the voice path's warm-up, which has no session). */
    static SessionAudio none() {
        return new SessionAudio("warm-up", t -> {
            throw new IllegalStateException("no audio is kept here");
        }, new AudioCap(Optional.empty()), t -> { }, new ServerHealth(java.time.Clock.systemUTC()));
    }

    /** A piece of a connection's microphone ({@link VoiceSession#RATE}), before its turn-taking hears it. */
    synchronized void heard(Peer from, boolean phone, short[] samples) {
        Mic mic = mics.computeIfAbsent(from, p -> new Mic(phone ? Track.PHONE : Track.BROWSER));
        long at = mic.fed;
        mic.fed += samples.length;
        if (closed || !keeping(PARTICIPANT)) {
            return;
        }
        Peer owner = recording.get(mic.track);
        if (owner != null && owner != from) {
            return;   // another connection's microphone goes into this file now; this one's is not kept meanwhile
        }
        recording.put(mic.track, from);
        // a call's 8 kHz, brought to 16 kHz by linear interpolation, is every other sample: keep those, as received
        short[] kept = mic.track.rate == VoiceSession.RATE ? samples : everyOther(samples);
        AudioFile f = file(mic.track);
        try {
            if (!fits(mic.track, kept.length * (long) AudioFile.BYTES_PER_SAMPLE)) {
                capped(PARTICIPANT);
                return;
            }
            long where = f.append(kept);
            if (mic.anchor < 0 || mic.keptUntil != at) {   // first kept piece, or the first after a gap: a new anchor
                mic.anchor = at;
                mic.anchorByte = where;
            }
            mic.keptUntil = mic.fed;
            wrote();
        } catch (IOException e) {
            fail(PARTICIPANT, f, e);
        }
    }

    /**
     * The person's answer that began {@code turn} lay from {@code start} to {@code end} on their connection's stream: its
     * audio is forced and its place journaled, when it was kept whole.
     */
    void answered(Peer from, int turn, Duration start, Duration end) {
        publish(placeOfAnswer(from, turn, start, end));
    }

    private synchronized Place placeOfAnswer(Peer from, int turn, Duration start, Duration end) {
        Mic mic = mics.get(from);
        if (closed || turn < 0 || mic == null || mic.anchor < 0 || recording.get(mic.track) != from) {
            return null;
        }
        long first = start.toMillis() * VoiceSession.RATE / 1000;
        long last = end.toMillis() * VoiceSession.RATE / 1000;
        if (first < mic.anchor || last > mic.keptUntil || last <= first) {
            return null;   // not kept whole (the cap or a failed write stopped it, or another connection's was kept then)
        }
        int ratio = VoiceSession.RATE / mic.track.rate;
        long fromByte = mic.anchorByte + (first - mic.anchor) / ratio * AudioFile.BYTES_PER_SAMPLE;
        long toByte = mic.anchorByte + (last - mic.anchor) / ratio * AudioFile.BYTES_PER_SAMPLE;
        return place(turn, mic.track, fromByte, toByte);
    }

    /** A piece of the interviewer's voice of {@code turn}, as sent to the person. */
    synchronized void said(int turn, short[] samples) {
        if (closed || !keeping(INTERVIEWER)) {
            return;
        }
        AudioFile f = file(Track.INTERVIEWER_VOICE);
        try {
            if (!fits(Track.INTERVIEWER_VOICE, samples.length * (long) AudioFile.BYTES_PER_SAMPLE)) {
                capped(INTERVIEWER);
                return;
            }
            long where = f.append(samples);
            if (turn != replyTurn) {
                replyTurn = turn;
                replyFrom = where;
            }
            replyTo = where + samples.length * (long) AudioFile.BYTES_PER_SAMPLE;
            wrote();
        } catch (IOException e) {
            fail(INTERVIEWER, f, e);
        }
    }

    /** A sentence of the reply of {@code turn} was spoken (or cut): what was sent of the reply so far is forced and journaled. */
    void replied(int turn) {
        Place k;
        synchronized (this) {
            k = !closed && turn == replyTurn && keeping(INTERVIEWER) ? place(turn, Track.INTERVIEWER_VOICE, replyFrom, replyTo) : null;
        }
        publish(k);
    }

    /** The connection left: another one's microphone may be kept from now on. */
    synchronized void forget(Peer peer) {
        Mic mic = mics.remove(peer);
        if (mic != null) {
            recording.remove(mic.track, peer);
        }
    }

    /** A place of a turn's audio, to journal once its file is forced. */
    private record Place(AudioFile file, Track track, AudioTiming.Kept kept) {
    }

    private Place place(int turn, Track track, long from, long to) {
        AudioFile f = file(track);
        return new Place(f, track, new AudioTiming.Kept(turn, track.kind, f.path().getFileName().toString(), track.rate, from, to));
    }

    /**
     * Forces the file of {@code p} (none: nothing), then journals its place. Outside the lock: a sync may take a while on a busy
     * disk, and the microphone's pieces, which go on to the barge-in detection, must not wait for it.
     */
    private void publish(Place p) {
        if (p == null) {
            return;
        }
        try {
            p.file().force();
        } catch (IOException e) {
            synchronized (this) {
                if (!closed) {
                    fail(p.track().kind, p.file(), e);
                }
            }
            return;
        }
        journal.accept(p.kept());
    }

    /** Whether {@code bytes} more at the file's rate stay within the cap, counted over every file of its kind. */
    private boolean fits(Track t, long bytes) throws IOException {
        Double so = keptSeconds.get(t.kind);
        if (so == null) {   // a session resumed: what earlier runs kept counts
            so = 0.0;
            for (Track other : Track.values()) {
                if (other.kind.equals(t.kind)) {
                    so += seconds(other, file(other).length());
                }
            }
        }
        double after = so + seconds(t, bytes);
        if (after * 1000 > cap.cap().map(Duration::toMillis).orElse(0L)) {
            return false;
        }
        keptSeconds.put(t.kind, after);   // the append follows; if it fails, the track stops and this is not read again
        return true;
    }

    private static double seconds(Track t, long bytes) {
        return (double) bytes / (t.rate * AudioFile.BYTES_PER_SAMPLE);
    }

    /** Whether this kind is still kept; said once when keeping audio is off. */
    private boolean keeping(String kind) {
        if (cap.cap().isEmpty() && !stopped.containsKey(kind)) {
            stop(kind, "keeping audio is off (" + AudioCap.SETTING + "=off)");
        }
        return !stopped.containsKey(kind);
    }

    /** Stops keeping {@code kind} for the rest of the session, journaling why (once); the caller logs what it needs to. */
    private void stop(String kind, String reason) {
        if (stopped.put(kind, true) == null) {
            journal.accept(new AudioTiming.NotKept(kind, reason));
        }
    }

    private void capped(String kind) {
        String reason = "the cap of " + cap.said() + " of the " + kind + "'s audio per session was reached";
        if (!stopped.containsKey(kind)) {
            LOG.warn("session {}: {}; the rest of it is not kept ({} sets the cap)", sessionId, reason, AudioCap.SETTING);
        }
        stop(kind, reason);
    }

    private void fail(String kind, AudioFile f, IOException e) {
        LOG.error("session {}: the {}'s audio could not be written to {} and is no longer kept; the interview goes on: {}", sessionId, kind,
                f.path(), e.toString());
        health.set(ServerHealth.AUDIO, ServerHealth.Level.DEGRADED, Optional.of("a voice session's audio could not be kept: "
                + StorageProblem.of(e).orElse("a file could not be written")), Optional.of(f.path() + ": " + e));
        stop(kind, "the audio could not be written: " + StorageProblem.of(e).orElse("the file could not be written") + " (see the server's log)");
    }

    /** A write went through: the audio check is up again if a failure had brought it down. */
    private void wrote() {
        if (health.check(ServerHealth.AUDIO).filter(c -> !c.up()).isPresent()) {
            health.up(ServerHealth.AUDIO);
        }
    }

    private AudioFile file(Track t) {
        return files.computeIfAbsent(t, k -> new AudioFile(fileOf.apply(k)));
    }

    private static short[] everyOther(short[] samples) {
        short[] out = new short[(samples.length + 1) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[2 * i];
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        files.values().forEach(AudioFile::close);
    }
}
