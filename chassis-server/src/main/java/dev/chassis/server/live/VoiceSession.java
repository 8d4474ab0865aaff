package dev.chassis.server.live;

import dev.chassis.core.model.TokenListener;
import dev.chassis.talk.channel.Channel;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.RehearsedSpeech;
import dev.chassis.talk.voice.ReplyPlayback;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.TextToSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An interview spoken aloud. Outbound it is a {@link Channel} in front of the connections: every frame goes on as it
 * is (captions stay), and the reply's words are spoken sentence by sentence as they stream, each piece of audio an
 * {@link Frame.AudioOut}. Inbound the connections' microphones are heard by its {@link VoiceListening}: a finished turn
 * is said as if typed, and the person starting to speak while the interviewer talks or its audio still plays is an
 * interruption (the audio stops, the reply is cut). Thread-safe.
 */
final class VoiceSession implements Channel, AutoCloseable {

    /** What a spoken turn does in the interview. */
    interface Turns {
        /**
         * The person finished a turn: these words are their line, and this is how they sounded.
         *
         * @return the turn their line began; -1 when it began none (the interview had not started or had ended)
         */
        int said(String text, Prosody.Summary prosody);

        /** The person began speaking: cut the interviewer off if it is talking. */
        void bargeIn();

        /** The person heard only the first {@code characters} of the reply of {@code turn}: its audio was stopped there. */
        void heard(int turn, int characters);

        /** Whether the interviewer's reply is streaming. */
        boolean replying();

        /** Whether a connection is there to play the interviewer's audio (none while a dropped one reconnects). */
        boolean listened();

        /**
         * The person paused with these words so far: prepare the answer to them, its tokens to {@code early} (see
         * {@link dev.chassis.talk.Session#prepare}).
         */
        void prepare(String words, Prosody.Summary prosody, TokenListener early);
    }

    static final int RATE = 16_000;
    /** Time the page's player may lag behind what was sent before the audio counts as finished. */
    private static final long PLAYBACK_SLACK_NANOS = 300_000_000L;
    /** A clause this long may be spoken before the rest of the reply's first sentence ("Thanks, " is too short alone). */
    private static final int FIRST_CLAUSE_WORDS = 3;

    private final RehearsedSpeech voice;   // the engines' synthesiser, which may have said a prepared reply's first sentence
    private final String language;
    private final Channel out;
    private final Turns turns;
    private final StringBuilder pending = new StringBuilder();   // the reply's words not yet spoken
    private final List<TextToSpeech.Speech> speaking = new ArrayList<>();
    private int epoch;               // changes when the audio is cut: pieces of older speech are not sent
    private int cutTurn = -1;        // the last turn cut off: its late words are not spoken
    private long playingUntilNanos;  // when the page will have played everything sent
    private int audioTurn = -1;      // the turn whose audio was sent last
    private ReplyPlayback playback;  // what of the latest spoken reply was sent, and when it plays
    private final List<CompletableFuture<?>> synthesised = new ArrayList<>();   // its sentences' synthesis, for their word timings
    private CompletableFuture<?> inOrder = CompletableFuture.completedFuture(null);   // the last sentence's synthesis: the next waits
    private int consumed;            // characters of that reply already taken into sentences
    private final VoiceStats stats;
    private final SessionAudio kept;   // the audio heard and sent, kept with the session
    private final VoiceListening listening;   // the connections' microphones

    VoiceSession(VoiceEngines engines, String language, Channel out, Turns turns, VoiceStats stats, SessionAudio kept) {
        this.stats = stats;
        this.kept = kept;
        this.voice = new RehearsedSpeech(engines.tts());
        this.language = language;
        this.out = out;
        this.turns = turns;
        this.listening = new VoiceListening(engines, language, out, turns, stats, kept, this::playing, Rehearser::new);
    }

    // --- outbound ---

    @Override
    public void send(Frame.Out frame) {
        if (frame instanceof Frame.Interrupted i) {
            long stoppedAt = System.nanoTime();
            stats.cut(i.turn(), listening.takeBargeIn(), stoppedAt);
            cut(i.turn());
            heardUpTo(i.turn(), stoppedAt);
            stopSpeaking();   // before the interruption goes: no piece of the cut reply follows it
        }
        out.send(frame);
        switch (frame) {
            case Frame.Token t -> spokenUpTo(t.turn(), t.text(), false);
            case Frame.ReplyEnded e when !e.cutOff() -> spokenUpTo(e.turn(), "", true);
            default -> { }
        }
    }

    /** Adds the reply's words and speaks every whole sentence (all of it at the end); its first clause may go first. */
    private synchronized void spokenUpTo(int turn, String text, boolean end) {
        if (turn <= cutTurn) {
            return;
        }
        if (playback == null || playback.turn() != turn) {
            playback = new ReplyPlayback(turn, RATE);
            synthesised.clear();
            consumed = 0;
        }
        pending.append(text);
        int cut = end ? pending.length() : consumed == 0 ? firstPieceEnd(pending) : lastSentenceEnd(pending);
        if (cut <= 0) {
            return;
        }
        String raw = pending.substring(0, cut);
        String sentence = raw.strip();
        int offset = consumed + raw.indexOf(sentence);
        consumed += cut;
        pending.delete(0, cut);
        if (!sentence.isEmpty()) {
            stats.firstSentence();
            speak(turn, playback.sentence(offset, sentence), sentence);
        }
    }

    /**
     * Where the reply's first piece to speak ends: its first sentence, or sooner its first clause of a few words (up to a
     * comma, semicolon or colon), so that its audio starts before the sentence has streamed whole; 0 when neither is in.
     */
    static int firstPieceEnd(CharSequence s) {
        int words = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            boolean spaceNext = Character.isWhitespace(s.charAt(i + 1));
            if (spaceNext) {
                words++;
            }
            if (spaceNext && (c == '.' || c == '?' || c == '!' || (c == ',' || c == ';' || c == ':') && words >= FIRST_CLAUSE_WORDS)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Just after the last sentence-ending mark followed by a space, 0 when none. */
    private static int lastSentenceEnd(CharSequence s) {
        for (int i = s.length() - 2; i >= 0; i--) {
            char c = s.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && Character.isWhitespace(s.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Speaks a sentence once the one before it is synthesised: a synthesiser may speak several sentences at once (for
     * several sessions), and one reply's audio must come in order.
     */
    private void speak(int turn, ReplyPlayback.Sentence heard, String sentence) {
        int at = epoch;
        CompletableFuture<TextToSpeech.Spoken> done = new CompletableFuture<>();
        synthesised.add(done);
        CompletableFuture<?> before = inOrder;
        inOrder = done;
        before.handle((r, e) -> null).thenRun(() -> start(at, turn, heard, sentence, done));
    }

    private void start(int at, int turn, ReplyPlayback.Sentence heard, String sentence, CompletableFuture<TextToSpeech.Spoken> done) {
        int from = voice.sampleRate();
        try {
            TextToSpeech.Speech s;
            synchronized (this) {
                if (at != epoch) {   // cut off before its turn came
                    done.complete(new TextToSpeech.Spoken(List.of(), java.time.Duration.ZERO, true));
                    return;
                }
                s = voice.speak(sentence, language, samples -> piece(at, turn, heard, Pcm.resample(samples, from, RATE)));
                speaking.add(s);
            }
            s.done().whenComplete((r, e) -> {
                if (r != null) {
                    heard.spoken(r);
                }
                kept.replied(turn);   // what was sent of the reply so far, kept: its place goes to the journal
                finished(s, e);
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    done.complete(r);
                }
            });
        } catch (SpeechException e) {
            out.send(new Frame.Failed("the interviewer's voice is not available right now; please read the captions"));
            done.completeExceptionally(e);
        }
    }

    private synchronized void finished(TextToSpeech.Speech s, Throwable failure) {
        speaking.remove(s);
        if (failure != null) {
            out.send(new Frame.Failed("the interviewer's voice failed on a sentence; please read the captions"));
        }
    }

    private synchronized void piece(int at, int turn, ReplyPlayback.Sentence sentence, short[] samples) {
        if (at != epoch || samples.length == 0) {
            return;
        }
        if (!turns.listened()) {
            return;   // nobody plays it: not counted as playing (speaking next is no barge-in) nor as heard
        }
        if (turn != audioTurn) {
            stats.firstAudio(turn);
            listening.replied();   // speech from a second on answers this reply
        }
        audioTurn = turn;
        long playsAt = Math.max(playingUntilNanos, System.nanoTime());
        sentence.piece(playsAt, samples.length);
        playingUntilNanos = playsAt + samples.length * 1_000_000_000L / RATE;
        kept.said(turn, samples);
        out.send(new Frame.AudioOut(turn, samples));
    }

    /** Whether audio sent to the page may still be playing. */
    synchronized boolean playing() {
        return System.nanoTime() < playingUntilNanos + PLAYBACK_SLACK_NANOS;
    }

    /**
     * The player says it has played everything sent so far (a telephone echoes a mark sent after the audio): the audio is
     * over now, not when the estimate said; speaking from here on is no barge-in.
     */
    synchronized void played() {
        playingUntilNanos = Math.min(playingUntilNanos, System.nanoTime() - PLAYBACK_SLACK_NANOS);
    }

    /**
     * No connection is left to play the interviewer's audio (the last one dropped): the audio sent to it stopped with it,
     * and the rest of the reply being spoken is not spoken (a connection that comes back shows its words and does not
     * play its middle). Its words stay whole in the transcript: they were delivered, and the page shows them again. The
     * person's next words, on any connection, are an answer, not a barge-in.
     */
    synchronized void unheard() {
        if (playback != null) {
            cut(playback.turn());
        }
        stopSpeaking();
    }

    private synchronized void stopSpeaking() {
        epoch++;
        inOrder = CompletableFuture.completedFuture(null);   // the cut sentences end as they come up; the next reply need not wait
        for (TextToSpeech.Speech s : speaking) {
            s.cancel();
        }
        speaking.clear();
        pending.setLength(0);
        playingUntilNanos = 0;
    }

    /**
     * Stops the audio of a reply that finished streaming but is still playing, with an {@link Frame.Interrupted} for
     * its turn.
     *
     * @return whether audio was playing
     */
    boolean interruptAudio() {
        int turn;
        synchronized (this) {
            if (!playing() || audioTurn < 0) {
                return false;
            }
            turn = audioTurn;
        }
        send(new Frame.Interrupted(turn));
        return true;
    }

    /**
     * The audio of {@code turn} stops at {@code stoppedAt}: once its sentences' synthesis has ended (a stopped one ends at
     * once) their word timings say how much the person heard, and the interview is told.
     */
    private synchronized void heardUpTo(int turn, long stoppedAt) {
        ReplyPlayback p = playback;
        if (p == null || p.turn() != turn) {
            stats.heard(turn, 0);
            return;   // nothing of it was spoken: the text path's cut stands
        }
        CompletableFuture<?>[] pieces = synthesised.stream().map(f -> f.exceptionally(x -> null)).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(pieces).completeOnTimeout(null, 5, TimeUnit.SECONDS)
                .thenRun(() -> {
                    int characters = p.heardCharacters(stoppedAt);
                    stats.heard(turn, characters);
                    turns.heard(turn, characters);
                });
    }

    /** The reply of {@code turn} was cut: none of its words are spoken any more. */
    private synchronized void cut(int turn) {
        cutTurn = Math.max(cutTurn, turn);
    }

    // --- inbound: see VoiceListening ---

    /** A piece of a connection's microphone audio, as it arrives; never blocks ({@link VoiceListening#hear}). */
    void hear(Peer from, short[] samples) {
        listening.hear(from, samples);
    }

    /** The connection left: once the audio it sent before is heard, its turn in progress is dropped. */
    void forget(Peer peer) {
        listening.forget(peer);
    }

    /** Stops the reply's audio and the listening, without waiting for a piece being heard ({@link VoiceListening#close}). */
    @Override
    public void close() {
        voice.forget();
        stopSpeaking();
        listening.close();
    }

    /**
     * Hears a prepared reply's tokens and rehearses its first piece, cut as {@link #spokenUpTo} will cut the reply's
     * own: if the turn takes that reply over, its first audio is ready.
     */
    private final class Rehearser implements TokenListener {
        private final StringBuilder words = new StringBuilder();
        private boolean done;

        @Override
        public void onToken(String token) {
            if (done) {
                return;
            }
            words.append(token);
            int cut = firstPieceEnd(words);
            if (cut > 0) {
                done = true;
                String sentence = words.substring(0, cut).strip();
                if (!sentence.isEmpty()) {
                    voice.rehearse(sentence, language);
                }
            }
        }
    }
}
