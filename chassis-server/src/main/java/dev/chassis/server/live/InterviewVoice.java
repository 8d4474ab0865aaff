package dev.chassis.server.live;

import dev.chassis.core.model.TokenListener;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.AudioTiming;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.SpeechException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The voice of one interview, once a participant speaks: their audio is listened to and the replies are spoken from then
 * on. Made at most once, under the interview's lock; when the server has no speech engines the participant is told once
 * and the audio that follows is ignored. Thread-safe.
 */
final class InterviewVoice {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InterviewVoice.class);

    /**
     * Whether a voice turn's answer is prepared while the person pauses (an early generation: on a paid model it costs a
     * request per pause): on unless {@code -Dchassis.voice.speculate=off} or {@code CHASSIS_VOICE_SPECULATE=off}, read at
     * each pause.
     */
    private static boolean speculating() {
        return !"off".equalsIgnoreCase(System.getProperty("chassis.voice.speculate",
                System.getenv().getOrDefault("CHASSIS_VOICE_SPECULATE", "on")));
    }

    private final LiveInterview interview;
    private final ReentrantLock lock;
    private final Interviews owner;
    private volatile VoiceSession voice;
    private volatile boolean refused;

    /**
     * @param lock  the interview's lock, under which the voice is made
     * @param owner the server's interviews: its speech engines (started on first use)
     */
    InterviewVoice(LiveInterview interview, ReentrantLock lock, Interviews owner) {
        this.interview = interview;
        this.lock = lock;
        this.owner = owner;
    }

    /** The participant will speak: their audio is listened to and the replies spoken from now on. */
    void on(Peer from) {
        if (voice != null || refused) {
            return;
        }
        lock.lock();
        try {
            if (voice == null && !refused) {
                VoiceEngines e;
                AudioCap cap;
                try {
                    e = owner.voiceEngines(from instanceof PhoneSocket.PhonePeer);
                    cap = AudioCap.configured(name -> System.getProperty(name, System.getenv(name)));
                } catch (SpeechException | IllegalArgumentException ex) {
                    if (ex instanceof IllegalArgumentException) {
                        LOG.error("voice interviews cannot start: {}", ex.getMessage());   // a setting the operator must fix
                    }
                    refused = true;   // said once; the audio that follows is ignored
                    from.send(new Frame.Failed("speaking is not available on this server; please type your answers"));
                    return;
                }
                String channel = from instanceof PhoneSocket.PhonePeer ? "phone" : "browser";
                VoiceStats stats = new VoiceStats(new AudioTiming.Connected(channel, e.stt().name(), e.tts().name()), interview::spoken);
                SessionAudio kept = owner.keptAudio(interview.id(), cap, stats::told);
                voice = new VoiceSession(e, "en", interview::broadcast, new SpokenTurns(), stats, kept);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A piece of a participant's speech (the first one turns voice on); {@code listening} is false once the interview closed. */
    void audio(Peer from, short[] samples, boolean listening) {
        on(from);
        VoiceSession v = voice;
        if (v != null && listening) {
            v.hear(from, samples);
        }
    }

    /** Frames for the participants: through the voice when it is on, so that the replies are spoken too. */
    void speak(Frame.Out frame) {
        VoiceSession v = voice;
        if (v != null) {
            v.send(frame);
        } else {
            interview.broadcast(frame);
        }
    }

    /** A reply that had streamed whole but whose audio still plays: stop it. */
    void interruptAudio() {
        VoiceSession v = voice;
        if (v != null) {
            v.interruptAudio();
        }
    }

    /** The participant's player has played all the audio sent to it. */
    void played() {
        VoiceSession v = voice;
        if (v != null) {
            v.played();
        }
    }

    /** No connection is left: the reply's audio stops (see {@link VoiceSession#unheard}). */
    void unheard() {
        VoiceSession v = voice;
        if (v != null) {
            v.unheard();
        }
    }

    /** A connection that went away: its audio is no longer waited for. */
    void forget(Peer peer) {
        VoiceSession v = voice;
        if (v != null) {
            v.forget(peer);
        }
    }

    /** What the participant's voice does to the interview: a spoken answer, a barge-in, how much of a reply was heard, a pause. */
    private final class SpokenTurns implements VoiceSession.Turns {
        @Override
        public int said(String text, Prosody.Summary prosody) {
            return interview.say(text, Optional.of(prosody));
        }

        @Override
        public void bargeIn() {
            interview.typing();
        }

        @Override
        public void heard(int turn, int characters) {
            interview.heard(turn, characters);
        }

        @Override
        public boolean replying() {
            return interview.replying();
        }

        @Override
        public boolean listened() {
            return interview.listened();
        }

        @Override
        public void prepare(String words, Prosody.Summary prosody, TokenListener early) {
            if (speculating()) {
                interview.prepare(words, prosody, early);
            }
        }
    }

    void close() {
        VoiceSession v = voice;
        if (v != null) {
            v.close();
        }
    }
}
