package dev.chassis.bench.server;

import dev.chassis.bench.Percentiles;
import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.Pcm;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.TurnTaking;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.voice.offline.EspeakNg;
import dev.chassis.voice.offline.PocketSphinx;
import dev.chassis.voice.offline.SileroVad;
import java.lang.management.ManagementFactory;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * CPU per voice session and voice sessions per core: {@code sessions} participants talk to one in-process server at once,
 * each over its own participant WebSocket with the offline engines (Silero VAD, adaptive end of turn, pocketsphinx,
 * espeak-ng) and the offline interviewer. Each streams its microphone as a page does, a 100 ms piece every 100 ms all the
 * time (silence while it listens), and speaks an espeak-ng answer once the reply before it has played out. Once every
 * participant has heard its first reply to an answer, the whole process's CPU time is taken over a window of
 * {@code seconds}; answers' end of speech → first audio byte are timed in it too.
 *
 * <p>The engines' share is measured apart, after the server closed: the same audio every participant sent in the window
 * goes through the same engines (a {@link TurnTaking} per participant, as the server runs them) and espeak-ng speaks the
 * same replies, as fast as they go, on one thread per participant; the process's CPU time for that is the engines' own.
 * The client's side (JDK WebSocket, JSON) runs in the same process and is counted in the whole.
 *
 * <p>Usage: {@code VoiceLoadDriver [sessions=4] [seconds=60]}.
 */
public final class VoiceLoadDriver {

    private static final int PIECE = 1_600;
    private static final long TICK = 100_000_000L;
    private static final boolean VERBOSE = Boolean.getBoolean("chassis.bench.verbose");

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<short[]> speech = VoiceBenchServer.answers();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Participant> people = new ArrayList<>();
        long cpu;
        long wall;
        double loadBefore;
        double loadAfter;
        int peakWaiting = 0;
        double queuedShare;
        int voices;
        try (VoiceBenchServer server = VoiceBenchServer.start()) {
            System.out.printf("Voice load: %d concurrent voice sessions, %d s window, offline engines and interviewer%n", sessions, seconds);
            CountDownLatch warm = new CountDownLatch(sessions);
            List<Thread> threads = new ArrayList<>();
            for (int n = 0; n < sessions; n++) {
                Participant p = new Participant(server, speech, warm);
                people.add(p);
                threads.add(Thread.ofPlatform().name("participant-" + n).start(p));
                Thread.sleep(700);   // staggered, as people arrive
            }
            if (!warm.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every participant heard a reply within 300 s");
            }
            loadBefore = os.getSystemLoadAverage();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            people.forEach(p -> p.measuring = true);
            EspeakNg espeak = EspeakNg.create();
            long samples = 0;
            long queued = 0;
            for (long end = t0 + seconds * 1_000_000_000L; System.nanoTime() < end; samples++) {
                int waiting = espeak.waiting();   // sentences waiting for a free espeak-ng voice: sessions queuing on each other
                peakWaiting = Math.max(peakWaiting, waiting);
                queued += waiting > 0 ? 1 : 0;
                Thread.sleep(10);
            }
            queuedShare = samples == 0 ? 0 : (double) queued / samples;
            voices = espeak.voices();
            people.forEach(p -> p.measuring = false);
            cpu = os.getProcessCpuTime() - cpu0;
            wall = System.nanoTime() - t0;
            loadAfter = os.getSystemLoadAverage();
            people.forEach(p -> p.stop = true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
        List<Long> latencies = new ArrayList<>();
        int answers = 0;
        for (Participant p : people) {
            latencies.addAll(p.latencies);
            answers += p.latencies.size();
        }
        double sessionSeconds = sessions * wall / 1e9;
        double perSession = cpu / 1e9 / sessionSeconds;
        System.out.printf("load average %.1f at the window's start, %.1f at its end; %d answers timed%n", loadBefore, loadAfter, answers);
        System.out.printf("process CPU %.1f s over %.1f s x %d sessions: %.1f%% of a core per voice session, %.1f voice sessions per core%n",
                cpu / 1e9, wall / 1e9, sessions, perSession * 100, 1 / perSession);
        if (!latencies.isEmpty()) {
            System.out.println("end of speech -> first audio byte under this load: " + new Percentiles(latencies).line());
        }
        System.out.printf("espeak-ng: %d voices in parallel; sentences waiting for one: at most %d, some waiting %.1f%% of the window%n",
                voices, peakWaiting, queuedShare * 100);
        long engines = enginesAlone(people, os);
        System.out.printf("engines alone on the same audio and replies: CPU %.1f s = %.1f%% of a core per voice session, %.0f%% of the whole%n",
                engines / 1e9, engines / 1e9 / sessionSeconds * 100, 100.0 * engines / cpu);
    }

    /** The process's CPU time for the window's audio and replies through the engines alone, one thread per participant. */
    private static long enginesAlone(List<Participant> people, com.sun.management.OperatingSystemMXBean os) throws Exception {
        VoiceActivityDetector vad = SileroVad.create();
        SpeechToText stt = PocketSphinx.create();
        TextToSpeech tts = EspeakNg.create();
        warmEngines(vad, stt, tts);
        long cpu0 = os.getProcessCpuTime();
        List<Thread> threads = new ArrayList<>();
        for (Participant p : people) {
            threads.add(Thread.ofPlatform().start(() -> replay(p, vad, stt, tts)));
        }
        for (Thread t : threads) {
            t.join();
        }
        return os.getProcessCpuTime() - cpu0;
    }

    /** Runs each engine once, so that loading the models is not counted. */
    private static void warmEngines(VoiceActivityDetector vad, SpeechToText stt, TextToSpeech tts) {
        Participant nobody = new Participant(null, List.of(), new CountDownLatch(0));
        nobody.sent.add(Speech.synthesise("Hello there.", "en-us+f2", 150, 50));
        nobody.sent.add(new short[16_000 * 2]);
        VoiceListener said = new VoiceListener();
        said.replies.put(1, "Thank you.");
        nobody.replies.add(Map.entry(said, 1));
        replay(nobody, vad, stt, tts);
    }

    private static void replay(Participant p, VoiceActivityDetector vad, SpeechToText stt, TextToSpeech tts) {
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();   // turns begun, not yet recognised
        Object recognised = new Object();
        try (TurnTaking ears = new TurnTaking(vad, stt, EndOfTurnDetector.adaptive(), "en", new TurnTaking.Listener() {
            @Override
            public void speechStarted() {
                open.incrementAndGet();
            }

            @Override
            public void turnEnded(TurnTaking.VoiceTurn turn) {
                synchronized (recognised) {
                    open.decrementAndGet();
                    recognised.notifyAll();
                }
            }
        })) {
            for (short[] piece : p.sent) {
                ears.feed(piece);
            }
            for (Map.Entry<VoiceListener, Integer> reply : p.replies) {
                String text = reply.getKey().replies.getOrDefault(reply.getValue(), "");
                if (!text.isBlank()) {
                    tts.speak(text, "en", samples -> { }).done().join();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            synchronized (recognised) {
                // the turns' final transcripts; one still open when the window closed is dropped with the recogniser
                while (open.get() > (ears.inTurn() ? 1 : 0) && System.nanoTime() < deadline) {
                    recognised.wait(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One person talking by voice: interviews one after the other, answering each reply once it has played. */
    private static final class Participant implements Runnable {
        private final VoiceBenchServer server;
        private final List<short[]> speech;
        private final CountDownLatch warm;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<short[]> sent = new ArrayList<>();      // the audio sent in the window
        final List<Map.Entry<VoiceListener, Integer>> replies = new ArrayList<>();   // the replies whose audio began in the window
        private boolean warmed;
        volatile boolean measuring;
        volatile boolean stop;

        Participant(VoiceBenchServer server, List<short[]> speech, CountDownLatch warm) {
            this.server = server;
            this.speech = speech;
            this.warm = warm;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    interview();
                }
            } catch (Exception e) {
                System.out.println("  a participant stopped: " + e);
            } finally {
                warmed();   // never leaves the driver waiting for it
            }
        }

        /** It heard a reply to an answer (or stopped): counted once. */
        private void warmed() {
            if (!warmed) {
                warmed = true;
                warm.countDown();
            }
        }

        private void interview() throws Exception {
            VoiceListener heard = new VoiceListener();
            WebSocket ws = server.spoken(server.newLink(), heard);
            int reply = 0;                 // the reply being listened to
            long listenUntil = Long.MAX_VALUE;
            short[] answer = null;
            int at = 0;
            long speechEnd = 0;
            long next = System.nanoTime();
            while (!stop && !heard.over) {
                short[] piece = new short[PIECE];
                if (answer == null && speechEnd == 0) {
                    Boolean ended = heard.ended(reply);
                    if (Boolean.TRUE.equals(ended)) {
                        break;   // the interview's last reply: the next interview
                    }
                    if (ended != null && listenUntil == Long.MAX_VALUE) {
                        listenUntil = System.nanoTime() + 500_000_000L;   // its last sentence's audio follows the captions' end
                    } else if (listenUntil != Long.MAX_VALUE && System.nanoTime() >= listenUntil && heard.audioMs(reply) > 0) {
                        long playsOut = heard.firstAudio(reply) + (heard.audioMs(reply) + 800) * 1_000_000L;
                        if (System.nanoTime() >= playsOut) {
                            answer = speech.get(reply % speech.size());
                            at = 0;
                            if (VERBOSE) {
                                System.out.printf("  %s answers reply %d (%d ms of its audio)%n", Thread.currentThread().getName(), reply,
                                        heard.audioMs(reply));
                            }
                        }
                    }
                }
                boolean last = false;
                if (answer != null) {
                    System.arraycopy(answer, at, piece, 0, Math.min(PIECE, answer.length - at));
                    at += PIECE;
                    last = at >= answer.length;
                }
                ws.sendBinary(ByteBuffer.wrap(Pcm.toBytes(piece)), true).join();
                if (last) {
                    answer = null;
                    speechEnd = System.nanoTime();   // the last piece holding speech was sent
                }
                if (measuring) {
                    sent.add(piece);
                }
                if (speechEnd != 0 && heard.firstAudio(reply + 1) != 0) {
                    long first = heard.firstAudio(reply + 1);
                    if (measuring) {
                        latencies.add(first - speechEnd);
                        replies.add(Map.entry(heard, reply + 1));
                    }
                    warmed();
                    reply++;
                    speechEnd = 0;
                    listenUntil = Long.MAX_VALUE;
                } else if (speechEnd != 0 && System.nanoTime() - speechEnd > 120_000_000_000L) {
                    throw new IllegalStateException("no reply within 120 s of an answer");
                }
                next += TICK;
                LockSupport.parkNanos(next - System.nanoTime());   // real time, as a microphone sends
            }
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
