package dev.chassis.voice.offline;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.Word;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Offline synthesis in dozens of languages with the system's espeak-ng (Debian: {@code espeak-ng}), called in
 * process. Audio streams to the sink in {@value #BUFFER_MS} ms chunks with each word's place in it. The library keeps
 * global state, so one copy of it speaks one sentence at a time: the synthesiser loads {@link #voices()} copies (one a
 * core, at most {@value #MAX_VOICES}; {@code -Dchassis.espeak.voices=N}), each with its own thread, and sessions'
 * sentences are spoken in parallel from one bounded queue. A full queue refuses a sentence at once (the caller shows
 * captions) rather than making everyone wait; {@link #waiting()} tells how many wait. Thread-safe.
 *
 * <pre>{@code
 * TextToSpeech tts = EspeakNg.create();
 * tts.speak("Bonjour, comment allez-vous ?", "fr", audio::write).done().join();
 * }</pre>
 */
public final class EspeakNg implements TextToSpeech {

    static final String NAME = "espeak-ng";
    private static final int BUFFER_MS = 40;
    private static final int MAX_VOICES = 4;
    /** Sentences that may wait for a voice, per voice: a few replies' worth. */
    private static final int WAITING_PER_VOICE = 32;
    private static EspeakNg instance;

    private final List<Voice> voices = new ArrayList<>();
    private final BlockingQueue<Job> queue;
    private final int sampleRate;

    private EspeakNg(int count) {
        EspeakLibrary first = Natives.load(NAME, "espeak-ng", EspeakLibrary.class, "Debian: apt-get install espeak-ng");
        this.queue = new ArrayBlockingQueue<>(WAITING_PER_VOICE * count);
        voices.add(new Voice(first, 0));
        for (int i = 1; i < count; i++) {
            voices.add(new Voice(Copies.load(NAME, "espeak-ng", EspeakLibrary.class, i), i));
        }
        this.sampleRate = voices.getFirst().sampleRate;
        voices.forEach(Voice::start);
    }

    /** The process's synthesiser. */
    public static synchronized EspeakNg create() {
        if (instance == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            instance = new EspeakNg(Integer.getInteger("chassis.espeak.voices", Math.max(1, Math.min(MAX_VOICES, cores))));
        }
        return instance;
    }

    /** How many sentences it speaks at once. */
    public int voices() {
        return voices.size();
    }

    /** Sentences waiting for a voice now: above zero, sessions are waiting on each other. */
    public int waiting() {
        return queue.size();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public Speech speak(String text, String language, AudioSink sink) {
        Job job = new Job(text, voiceFor(language), sink);
        if (!queue.offer(job)) {
            throw new SpeechException.Unavailable(NAME, "busy: " + queue.size() + " sentences are waiting for its "
                    + voices.size() + " voices", null);
        }
        return job;
    }

    /** espeak-ng's plain {@code en} is British; a bare {@code en} means the American voice here, as the recogniser's model. */
    static String voiceFor(String language) {
        String l = language.toLowerCase(Locale.ROOT).replace('_', '-');
        return l.equals("en") ? "en-us" : l;
    }

    /** The C library's random numbers, which espeak-ng's noise sources draw on (shared by the copies: several at once mix). */
    interface Noise extends com.sun.jna.Library {
        Noise C = com.sun.jna.Native.load("c", Noise.class);

        void srand(int seed);
    }

    /** One copy of the library and the thread that speaks with it, taking sentences from the queue in turn. */
    private final class Voice {
        private final EspeakLibrary lib;
        private final int sampleRate;
        private final int index;
        private final EspeakLibrary.SynthCallback callback = this::callback;   // held: the library keeps only a pointer
        private Job current;        // the job being spoken
        private String voice = "";  // the voice set in this copy

        Voice(EspeakLibrary lib, int index) {
            this.lib = lib;
            this.index = index;
            this.sampleRate = lib.espeak_Initialize(EspeakLibrary.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS, null, 0);
            if (sampleRate <= 0) {
                throw new SpeechException.Unavailable(NAME, "the library would not start (is espeak-ng-data installed?)", null);
            }
            lib.espeak_SetSynthCallback(callback);
        }

        void start() {
            Thread t = new Thread(this::serve, "espeak-ng-" + index);
            t.setDaemon(true);
            t.start();
        }

        private void serve() {
            while (true) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                job.run(this);
            }
        }

        private int callback(Pointer wav, int samples, Pointer events) {
            Job job = current;
            if (job == null || job.cancelled) {
                return 1;
            }
            try {
                job.events(events);
                if (wav != null && samples > 0) {
                    job.audio(wav.getShortArray(0, samples));
                }
                return 0;
            } catch (RuntimeException e) {
                job.sinkFailed(e);   // a sink that throws ends its own speech, never the synthesis thread
                return 1;
            }
        }
    }

    /** One text to speak; runs on the synthesis thread. */
    private final class Job implements Speech {
        private final String text;
        private final String voiceName;
        private final AudioSink sink;
        private final CompletableFuture<Spoken> done = new CompletableFuture<>();
        private final List<int[]> wordMarks = new ArrayList<>();   // {text position, length, audio ms}
        private volatile boolean cancelled;
        private long samplesOut;

        Job(String text, String voiceName, AudioSink sink) {
            this.text = text;
            this.voiceName = voiceName;
            this.sink = sink;
        }

        void run(Voice v) {
            if (cancelled) {
                done.complete(new Spoken(List.of(), Duration.ZERO, true));
                return;
            }
            EspeakLibrary lib = v.lib;
            try {
                if (!voiceName.equals(v.voice)) {
                    if (lib.espeak_SetVoiceByName(voiceName) != 0) {
                        v.voice = "";
                        done.completeExceptionally(new SpeechException.Refused(NAME, 0, "has no voice for '" + voiceName + "'"));
                        return;
                    }
                    v.voice = voiceName;
                }
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                Memory m = new Memory(utf8.length + 1L);
                m.write(0, utf8, 0, utf8.length);
                m.setByte(utf8.length, (byte) 0);
                v.current = this;
                Noise.C.srand(1);   // the library's noise comes from the C library's rand(): a sentence alone sounds the same each time
                int rc = lib.espeak_Synth(m, new NativeLong(utf8.length + 1L), 0, EspeakLibrary.POS_CHARACTER, 0,
                        EspeakLibrary.CHARS_UTF8, null, null);
                v.current = null;
                if (rc != 0 && !cancelled) {
                    done.completeExceptionally(new SpeechException.Broken(NAME, "synthesis failed (code " + rc + ")", null));
                    return;
                }
                done.complete(new Spoken(words(), Duration.ofMillis(samplesOut * 1000 / sampleRate), cancelled));
            } catch (RuntimeException | Error e) {
                v.current = null;
                done.completeExceptionally(new SpeechException.Broken(NAME, "synthesis failed", e));
            }
        }

        void events(Pointer events) {
            if (events == null) {
                return;
            }
            for (long off = 0; ; off += EspeakLibrary.EVENT_SIZE) {
                int type = events.getInt(off);
                if (type == EspeakLibrary.EVENT_LIST_TERMINATED) {
                    return;
                }
                if (type == EspeakLibrary.EVENT_WORD) {
                    wordMarks.add(new int[] {events.getInt(off + EspeakLibrary.EVENT_TEXT_POSITION),
                            events.getInt(off + EspeakLibrary.EVENT_LENGTH), events.getInt(off + EspeakLibrary.EVENT_AUDIO_POSITION)});
                }
            }
        }

        void sinkFailed(RuntimeException e) {
            cancelled = true;
            done.completeExceptionally(e);
        }

        void audio(short[] chunk) {
            samplesOut += chunk.length;
            sink.audio(chunk);
        }

        /** The word events as words: text from the character positions, each ending where the next begins. */
        private List<Word> words() {
            List<Word> out = new ArrayList<>();
            int[] cps = text.codePoints().toArray();
            long audioEnd = samplesOut * 1000 / sampleRate;
            for (int i = 0; i < wordMarks.size(); i++) {
                int[] w = wordMarks.get(i);
                int from = Math.max(0, w[0] - 1);
                int to = Math.min(cps.length, from + Math.max(1, w[1]));
                if (from >= cps.length) {
                    continue;
                }
                String word = new String(cps, from, to - from).strip();
                long end = i + 1 < wordMarks.size() ? wordMarks.get(i + 1)[2] : audioEnd;
                if (!word.isEmpty()) {
                    out.add(Word.ofMillis(word, w[2], Math.max(w[2], end)));
                }
            }
            return out;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public CompletableFuture<Spoken> done() {
            return done;
        }
    }
}
