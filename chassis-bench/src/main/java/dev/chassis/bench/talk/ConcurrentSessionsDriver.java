package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.bench.model.WireServer;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.models.langchain4j.ProviderModels;
import dev.chassis.models.observe.ModelSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.StagedContext;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Thousands of concurrent sessions against a loopback {@link WireServer} through the real
 * provider path (LangChain4j bridge over loopback HTTP): each session opens, then answers at a
 * person's pace for the run's length, every feature on. Reports the harness overhead per turn, the
 * share of turns with first words within 800 ms, errors, and heap per open session (live heap after
 * a full GC with all sessions open, minus before, divided by the sessions). Usage:
 * {@code ConcurrentSessionsDriver [sessions] [seconds] [meanPauseMillis] [langchain4j|writer] [jfrFile]}, where a session takes a
 * turn every {@code meanPauseMillis} on average, start to start ({@link Pace}; 15,000 unless given): the engine's request path,
 * Chassis's request writer (the default) or LangChain4j's OpenAI client, for a before/after in runs side by side; with
 * {@code jfrFile}, a flight recording (CPU-time samples of every thread, allocation samples) of the measured window only.
 *
 * <p>With {@code -Dchassis.bench.warmup=S} the sessions turn for {@code S} seconds uncounted first (the JIT compiling their paths),
 * and the {@code seconds} measured follow.
 *
 * <p>The measured window of {@code seconds} starts once every session is open, however long opening took: on a loaded
 * machine opening 2,000 sessions can outlast the window, which used to leave no time for a single turn.
 */
public final class ConcurrentSessionsDriver {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int pauseMillis = args.length > 2 ? Integer.parseInt(args[2]) : 15000;
        Pace pace = new Pace(Duration.ofMillis(pauseMillis));
        ProviderModels.RequestPath path = args.length > 3 ? ProviderModels.RequestPath.valueOf(args[3].toUpperCase(java.util.Locale.ROOT))
                : ProviderModels.RequestPath.WRITER;
        int warmUp = Integer.getInteger("chassis.bench.warmup", 0);
        java.util.Optional<java.nio.file.Path> jfr = args.length > 4 ? java.util.Optional.of(java.nio.file.Path.of(args[4])) : java.util.Optional.empty();
        List<String> corpus = Corpus.participantTurns();
        try (WireServer server = WireServer.paced("Thank you, that is helpful. Could you tell me a little more about how that went?", 150, 80)) {
            // The default engine as --model makes it (the request writer since session 9), or LangChain4j's request path beside it.
            Model model = path == ProviderModels.RequestPath.WRITER ? ModelFactory.fromEnvironment().create(server.modelString())
                    : CircuitBreakingModel.of(ModelSpans.traced(ProviderModels.openAi(server.modelString(), java.util.Optional.of(server.baseUrl()),
                            "wire", "not-needed", "OPENAI_COMPATIBLE_API_KEY", Duration.ofSeconds(120), path), GlobalOpenTelemetry.get()));
            OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
            TalkHarness harness = TalkHarness.builder().model(model).fallback(fallback).build();
            StagedContext staged = harness.stage(Briefings.interview());

            long before = liveHeap();
            List<Long> overheads = Collections.synchronizedList(new ArrayList<>());
            List<Long> firstWords = Collections.synchronizedList(new ArrayList<>());
            List<Long> toWire = Collections.synchronizedList(new ArrayList<>());
            AtomicLong unstamped = new AtomicLong();
            long[] serverCpuStart = new long[1];
            AtomicLong errors = new AtomicLong();
            long[] cpuStart = new long[1];
            long[] allocatedStart = new long[1];
            java.util.Map<String, Long> threadsStart = new java.util.TreeMap<>();
            AtomicLong monitorFailures = new AtomicLong();
            CountDownLatch opened = new CountDownLatch(sessions);
            CountDownLatch measured = new CountDownLatch(1);
            MeasuredWindow window = new MeasuredWindow(Duration.ofSeconds(warmUp + seconds));
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < sessions; i++) {
                    int id = i;
                    pool.submit(() -> {
                        SplittableRandom random = new SplittableRandom(id);
                        try (Session s = harness.open(staged)) {
                            LockSupport.parkNanos(pace.firstWaitNanos(random)); // arrivals spread out
                            s.open(t -> { }).join();
                            opened.countDown();
                            measured.await();
                            long started = System.nanoTime();
                            for (int turn = 1; ; turn++) {
                                // The pace is start to start: the turn's own length is part of the interval, not added to it.
                                LockSupport.parkNanos(pace.waitNanos(started, System.nanoTime(), random));
                                if (!window.open()) {
                                    break;   // no turn begins after the window: its turns and CPU would be counted past it
                                }
                                started = System.nanoTime();
                                try {
                                    long t0 = started;
                                    TurnRecord r = s.respond(corpus.get((id * 7919 + turn) % corpus.size()), t -> { }).join();
                                    overheads.add(r.timings().overhead().toNanos());
                                    WireServer.stamp(r.reply()).ifPresentOrElse(at -> toWire.add(at - t0), unstamped::incrementAndGet);
                                    firstWords.add(r.timings().firstDelivered().orElse(r.timings().total()).toNanos());
                                    if (r.failure().isPresent()) {
                                        errors.incrementAndGet();
                                    }
                                } catch (RuntimeException e) {
                                    errors.incrementAndGet();
                                }
                            }
                            monitorFailures.addAndGet(s.monitorFailures());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            opened.countDown();
                        }
                        return null;
                    });
                }
                opened.await();
                long after = liveHeap();
                System.out.printf("%d sessions open; live heap %.1f MB before, %.1f MB after: %.1f KB per session%n", sessions, before / 1e6,
                        after / 1e6, (after - before) / 1e3 / sessions);
                window.start();
                measured.countDown();
                if (warmUp > 0) {
                    // Turns already taken, uncounted, until the JIT has compiled their paths: a server's steady state.
                    Thread.sleep(Duration.ofSeconds(warmUp));
                    System.out.printf("  warm-up of %d s over: %d turns not counted%n", warmUp, overheads.size());
                    overheads.clear();
                    firstWords.clear();
                    toWire.clear();
                }
                jdk.jfr.Recording recording = jfr.isPresent() ? FlightRecording.start() : null;
                cpuStart[0] = WireServer.osProcessCpuNanos();
                serverCpuStart[0] = server.cpuNanos();
                threadsStart.putAll(NativeThreadsCpu.byKind());
                allocatedStart[0] = allocated();
                long lastReport = System.nanoTime();
                while (window.open()) {
                    Thread.sleep(1000);
                    if (System.nanoTime() - lastReport > 15_000_000_000L) {
                        lastReport = System.nanoTime();
                        System.out.printf("  %d turns so far, %d errors%n", overheads.size(), errors.get());
                    }
                }
                if (recording != null) {
                    FlightRecording.stop(recording, jfr.get());
                }
            }
            long cpu = WireServer.osProcessCpuNanos() - cpuStart[0];
            long serverCpu = server.cpuNanos() - serverCpuStart[0];
            java.util.Map<String, Long> threads = NativeThreadsCpu.since(threadsStart, NativeThreadsCpu.byKind());
            long allocatedBytes = allocated() - allocatedStart[0];
            long within = firstWords.stream().filter(n -> n <= 800_000_000L).count();
            System.out.println();
            System.out.printf("%d concurrent sessions for %d s (after %d s of warm-up), a turn every %d ms on average per session, model via loopback HTTP (first token 150 ms),"
                    + " request path %s%n", sessions, seconds, warmUp, pauseMillis, path.name().toLowerCase(java.util.Locale.ROOT));
            System.out.println("  utterance -> request read by the server: " + new Percentiles(toWire).line());
            System.out.println("  harness overhead per turn (to the hand-over to the engine): " + new Percentiles(overheads).line());
            System.out.println("  first words delivered:     " + new Percentiles(firstWords).line());
            System.out.printf("  turns %d, within 800 ms %.2f%%, errors %d, replies not from the server (fallback) %d, monitor runs cancelled or failed %d,"
                    + " server requests %d%n", overheads.size(), 100.0 * within / Math.max(1, firstWords.size()), errors.get(), unstamped.get(),
                    monitorFailures.get(), server.requests());
            int turns = Math.max(1, overheads.size());
            double perTurn = (cpu - serverCpu) / 1e6 / turns;
            System.out.printf("  CPU per turn, whole process: %.2f ms; the simulated server's share %.2f ms; without it %.2f ms, on %d cores%n",
                    cpu / 1e6 / turns, serverCpu / 1e6 / turns, perTurn, Runtime.getRuntime().availableProcessors());
            System.out.printf("  of which the garbage collector's threads %.2f ms, the JIT compilers' %.2f ms (by the kernel's count); %.0f KB allocated"
                    + " per turn (the server's included)%n", threads.getOrDefault("gc", 0L) / 1e6 / turns, threads.getOrDefault("jit", 0L) / 1e6 / turns,
                    allocatedBytes / 1e3 / turns);
            // What the sessions did: turns per session over the measured window, against the pace asked.
            System.out.printf("  a turn every %.1f s per session on average over the %d s measured (asked: every %.1f s)%n",
                    sessions * (double) seconds / turns, seconds, pauseMillis / 1000.0);
            System.out.printf("  so one core carries %.0f turns/s: %.0f sessions at a turn every 15 s, %.0f at a turn every %.1f s%n", 1000 / perTurn,
                    15 * 1000 / perTurn, pauseMillis / perTurn, pauseMillis / 1000.0);
        }
    }

    /** Bytes allocated on the heap since the JVM started, by every thread (ended ones too; a virtual thread's on its carrier). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
