package dev.chassis.voice.offline;

import com.sun.jna.Pointer;
import dev.chassis.talk.voice.SpeechException;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.SpeechTranscript;
import dev.chassis.talk.voice.Word;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Offline English recognition with the system's pocketsphinx (Debian: {@code pocketsphinx pocketsphinx-en-us}),
 * called in process. A decoder holds the acoustic and language models (tens of megabytes, a second to load), so
 * decoders are pooled: a recognition borrows one and gives it back when finished. Partial transcripts come every
 * {@value #PARTIAL_EVERY_MS} ms of audio; the final one carries word timings. A pause settles the words before it: the
 * decoder ends its utterance there (its full search, as at the end of a turn) and starts another for what follows, so
 * the words told at the pause are the final transcript's first words. Words the language model takes as a closed sentence
 * end with a full stop ({@link SentenceEnd}), at a pause and at the end. Thread-safe.
 *
 * <pre>{@code
 * SpeechToText stt = PocketSphinx.create();   // Debian's en-us model
 * }</pre>
 */
public final class PocketSphinx implements SpeechToText {

    static final String NAME = "pocketsphinx";
    private static final int PARTIAL_EVERY_MS = 250;
    /** Where Debian's pocketsphinx-en-us puts its model. */
    public static final Path DEBIAN_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");

    private final SphinxLibrary ps;
    private final SphinxLibrary.Base base;
    private final String[] argv;
    private final ConcurrentLinkedQueue<Pointer> idle = new ConcurrentLinkedQueue<>();

    private PocketSphinx(Path model) {
        this.ps = Natives.load(NAME, "pocketsphinx", SphinxLibrary.class, "Debian: apt-get install pocketsphinx pocketsphinx-en-us");
        this.base = Natives.load(NAME, "sphinxbase", SphinxLibrary.Base.class, "Debian: apt-get install pocketsphinx");
        Path hmm = model.resolve("en-us");
        Path lm = model.resolve("en-us.lm.bin");
        Path dict = model.resolve("cmudict-en-us.dict");
        for (Path p : List.of(hmm, lm, dict)) {
            if (!Files.exists(p)) {
                throw new SpeechException.Unavailable(NAME, "the English model is missing: " + p
                        + " (Debian: apt-get install pocketsphinx-en-us)", null);
            }
        }
        this.argv = new String[] {"pocketsphinx", "-hmm", hmm.toString(), "-lm", lm.toString(), "-dict", dict.toString(),
                "-logfn", "/dev/null", "-samprate", "16000"};
        idle.add(newDecoder());   // fail now, not on the first turn
    }

    /** The recogniser on Debian's English model. */
    public static PocketSphinx create() {
        return new PocketSphinx(DEBIAN_MODEL);
    }

    /** The recogniser on a model folder laid out like Debian's ({@code en-us/}, {@code en-us.lm.bin}, {@code cmudict-en-us.dict}). */
    public static PocketSphinx create(Path modelFolder) {
        return new PocketSphinx(Objects.requireNonNull(modelFolder, "modelFolder"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Recognition start(String language, PartialListener partials) {
        if (!language.toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
            throw new SpeechException.Refused(NAME, 0, "recognises English only, not '" + language + "'; configure a cloud engine for it");
        }
        Pointer decoder = idle.poll();
        if (decoder == null) {
            decoder = newDecoder();
        }
        if (ps.ps_start_utt(decoder) < 0) {
            idle.add(decoder);
            throw new SpeechException.Broken(NAME, "the decoder would not start an utterance", null);
        }
        return new Stream(decoder, language, partials);
    }

    /** The language model's probability of a sentence ending after {@code words} (on a decoder at rest). */
    double sentenceEnds(List<String> words) {
        Pointer decoder = idle.poll();
        if (decoder == null) {
            decoder = newDecoder();
        }
        try {
            return SentenceEnd.probability(ps, base, decoder, words.stream().map(w -> Word.ofMillis(w, 0, 0)).toList());
        } finally {
            idle.add(decoder);
        }
    }

    private Pointer newDecoder() {
        Pointer config = base.cmd_ln_parse_r(null, ps.ps_args(), argv.length, argv, 1);
        if (config == null) {
            throw new SpeechException.Unavailable(NAME, "the decoder rejected its options", null);
        }
        Pointer decoder = ps.ps_init(config);
        if (decoder == null) {
            throw new SpeechException.Unavailable(NAME, "the decoder could not load its model", null);
        }
        return decoder;
    }

    /** One utterance on a borrowed decoder. */
    private final class Stream implements Recognition {
        private final Pointer decoder;
        private final String language;
        private final PartialListener partials;
        private final ReentrantLock lock = new ReentrantLock();
        private final AtomicBoolean ended = new AtomicBoolean();
        private CompletableFuture<SpeechTranscript> result;
        private long samplesSincePartial;
        private String lastPartial = "";
        private final List<Word> settled = new java.util.ArrayList<>();   // the words of the utterances ended at pauses
        private long fed;                                                   // samples fed: the stream's clock
        private long segmentStart;                                          // where the decoder's utterance began

        Stream(Pointer decoder, String language, PartialListener partials) {
            this.decoder = decoder;
            this.language = language;
            this.partials = partials;
        }

        @Override
        public void feed(short[] samples, int offset, int length) {
            lock.lock();
            try {
                if (ended.get()) {
                    return;
                }
                short[] chunk = offset == 0 && length == samples.length ? samples : java.util.Arrays.copyOfRange(samples, offset, offset + length);
                ps.ps_process_raw(decoder, chunk, length, 0, 0);
                fed += length;
                samplesSincePartial += length;
                if (samplesSincePartial * 1000 / 16_000 >= PARTIAL_EVERY_MS) {
                    samplesSincePartial = 0;
                    String hyp = join(SpeechTranscript.of(settled, false, language).text(), Hypotheses.clean(ps.ps_get_hyp(decoder, null)));
                    if (!hyp.isEmpty() && !hyp.equals(lastPartial)) {
                        lastPartial = hyp;
                        partials.partial(new SpeechTranscript(hyp, false, List.of(), language));
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public java.util.Optional<SpeechTranscript> settle() {
            lock.lock();
            try {
                if (ended.get() || fed == segmentStart) {
                    return java.util.Optional.empty();
                }
                ps.ps_end_utt(decoder);
                segmentWords();
                if (ps.ps_start_utt(decoder) < 0) {
                    ended.set(true);   // finish() reports it
                    idle.add(decoder);
                    return java.util.Optional.empty();
                }
                SpeechTranscript t = SentenceEnd.transcript(ps, base, decoder, settled, false, language);
                lastPartial = t.text();
                return java.util.Optional.of(t);
            } finally {
                lock.unlock();
            }
        }

        /** Adds the ended utterance's words, on the stream's clock, to the settled ones. */
        private void segmentWords() {
            Duration offset = Duration.ofMillis(segmentStart * 1000 / 16_000);
            for (Word w : Hypotheses.words(ps, decoder)) {
                settled.add(w.shifted(offset));
            }
            segmentStart = fed;
        }

        private static String join(String a, String b) {
            return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
        }

        @Override
        public CompletableFuture<SpeechTranscript> finish() {
            lock.lock();
            try {
                if (result != null) {
                    return result;
                }
                if (!ended.compareAndSet(false, true)) {
                    result = CompletableFuture.failedFuture(new SpeechException.Broken(NAME, "the recognition was closed", null));
                    return result;
                }
                ps.ps_end_utt(decoder);
                segmentWords();
                SpeechTranscript t = SentenceEnd.transcript(ps, base, decoder, settled, true, language);
                idle.add(decoder);
                result = CompletableFuture.completedFuture(t);
                return result;
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(new SpeechException.Broken(NAME, "decoding failed", e));
                return result;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (ended.compareAndSet(false, true)) {
                    ps.ps_end_utt(decoder);
                    idle.add(decoder);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
