package dev.chassis.server.live;

import dev.chassis.core.model.TokenListener;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.AudioTiming;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.TextToSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One throwaway spoken exchange through the server's voice path, so that the first voice turn and the first barge-in of a
 * process do not wait on cold code (the first barge-in of a run took 637 ms, 432 of them in code running for the first
 * time): a reply is spoken sentence by sentence into a connection's queue, the engines' own speech is heard over it (VAD,
 * end of turn, recognition), the barge-in cuts it (the cut, the heard words, the interruption overtaking queued audio),
 * the turn ends, a pause prepares a reply that is rehearsed, and a second reply is spoken. No interview, session, journal
 * or file is touched: the connection writes nowhere and the interview's side is a stand-in.
 */
final class VoiceWarmUp {

    private static final long WAIT_SECONDS = 30;

    private VoiceWarmUp() {
    }

    /**
     * Runs the exchange on {@code engines}.
     *
     * @return whether every step happened (a step that did not is left cold, nothing else)
     */
    static boolean run(VoiceEngines engines) throws InterruptedException {
        AtomicInteger audio = new AtomicInteger();
        QueuedPeer peer = new QueuedPeer("voice-warm-up", new QueuedPeer.Wire() {
            @Override
            public CompletableFuture<Void> send(String text) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> send(byte[] data) {
                audio.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close(int code, String reason) {
            }
        });
        AtomicBoolean replying = new AtomicBoolean();
        CountDownLatch heard = new CountDownLatch(1);
        CountDownLatch said = new CountDownLatch(1);
        VoiceSession[] voice = new VoiceSession[1];
        VoiceStats stats = new VoiceStats(new AudioTiming.Connected("browser", engines.stt().name(), engines.tts().name()), t -> { });
        voice[0] = new VoiceSession(engines, "en", peer::send, new VoiceSession.Turns() {
            @Override
            public int said(String text, Prosody.Summary prosody) {
                said.countDown();
                return 1;
            }

            @Override
            public void bargeIn() {
                if (replying.getAndSet(false)) {
                    voice[0].send(new Frame.Interrupted(0));
                }
            }

            @Override
            public void heard(int turn, int characters) {
                heard.countDown();
            }

            @Override
            public boolean replying() {
                return replying.get();
            }

            @Override
            public boolean listened() {
                return true;   // its connection writes nowhere, but the path warmed is the one that sends
            }

            @Override
            public void prepare(String words, Prosody.Summary prosody, TokenListener early) {
                early.onToken("Thank you for that. ");
            }
        }, stats, SessionAudio.none());   // no session: nothing is kept
        try {
            replying.set(true);
            reply(voice[0], 0, "Hello, and thank you for joining. How did you first hear about us? ", false);
            awaitAudio(audio, 1);
            List<short[]> speech = speech(engines.tts(), "I like coffee.");
            speech.add(new short[VoiceSession.RATE * 3]);   // then silence, longer than any end of turn waits
            for (short[] piece : speech) {
                for (int at = 0; at < piece.length; at += 1_600) {
                    voice[0].hear(peer, java.util.Arrays.copyOfRange(piece, at, Math.min(piece.length, at + 1_600)));
                }
            }
            boolean cut = heard.await(WAIT_SECONDS, TimeUnit.SECONDS);
            boolean answered = said.await(WAIT_SECONDS, TimeUnit.SECONDS);
            int before = audio.get();
            reply(voice[0], 1, "That sounds good. What do you like about it? ", true);
            return cut && answered && awaitAudio(audio, before + 1);
        } finally {
            voice[0].close();
            peer.gone();
        }
    }

    /** Streams a reply's captions through the voice, as a turn does; it speaks each sentence. */
    private static void reply(VoiceSession voice, int turn, String text, boolean end) {
        voice.send(new Frame.ReplyStarted(turn));
        for (String word : text.split("(?<= )")) {
            voice.send(new Frame.Token(turn, word));
        }
        if (end) {
            voice.send(new Frame.ReplyEnded(turn, text, false, Optional.empty()));
        }
    }

    private static boolean awaitAudio(AtomicInteger audio, int pieces) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (audio.get() < pieces) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** {@code text} spoken by the synthesiser, at the microphone's rate. */
    private static List<short[]> speech(TextToSpeech tts, String text) {
        List<short[]> out = new ArrayList<>();
        int from = tts.sampleRate();
        tts.speak(text, "en", samples -> out.add(Pcm.resample(samples, from, VoiceSession.RATE))).done().join();
        return out;
    }
}
