package dev.chassis.bench.talk;

import dev.chassis.talk.monitor.ContradictionMonitor;
import dev.chassis.talk.language.Languages;
import dev.chassis.talk.monitor.LanguageMonitor;
import dev.chassis.talk.text.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The contradiction monitor alone (issue 18.1), off the turn's path and off the wire: one interview of {@code answers}
 * real participant turns read as a live session reads them (each answer's claims extracted, then held against every
 * earlier claim), and the reading of the language each answer is spoken in, which the monitor does first. A turn's share
 * is a score divided by {@code answers}; 12 answers is what a session has at 2,000 sessions in two minutes, 60 a long one.
 * The interviews are consecutive slices of the corpus, taken in turn, so the sentences differ from one call to the next as
 * they do in a session (the monitor keeps readings by sentence while a claim is held).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ContradictionBenchmark {

    @Param({"12", "60"})
    public int answers;

    private final List<List<String>> interviews = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws InterruptedException {
        List<String> corpus = Corpus.participantTurns();
        for (int from = 0; from + answers <= corpus.size(); from += answers) {
            interviews.add(corpus.subList(from, from + answers));
        }
        // Until the language models are loaded, a claim's reading is not kept and is read again for every pair: the measure
        // is of a session long after the server started.
        Detection.warmUp(Languages.CODES);
        long until = System.nanoTime() + 120_000_000_000L;
        while ((!Detection.ready(corpus.getFirst()) || !Detection.ready("Ich arbeite hier seit zehn Jahren")) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    private List<String> nextInterview() {
        next = (next + 1) % interviews.size();
        return interviews.get(next);
    }

    /** Claims extracted and compared over one interview, in order. */
    @Benchmark
    public int claims() {
        return ContradictionMonitor.over(nextInterview(), "en").size();
    }

    /** The language each answer of one interview is spoken in, as the monitor reads it before its claims. */
    @Benchmark
    public int spoken() {
        int n = 0;
        for (String answer : nextInterview()) {
            n += LanguageMonitor.spoken(answer, "en") == null ? 0 : 1;
        }
        return n;
    }
}
