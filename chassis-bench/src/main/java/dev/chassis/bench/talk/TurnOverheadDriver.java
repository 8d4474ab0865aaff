package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.StagedContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Harness overhead per turn (end of the person's turn → model request sent) at turns 10, 100, 400
 * and 1,000 of a session, with every feature on (monitors running beside each turn) and real
 * participant turns replayed. The model is the offline engine with no pacing, so nothing but the
 * harness is measured. Between turns the session settles (monitors and background indexing of the last
 * turn finish, as they do while a person speaks), then pauses briefly.
 * Usage: {@code TurnOverheadDriver [sessions] [pauseMillis] [warmUpSessions]}: warm-up sessions run first, unmeasured
 * and without pauses, until the JIT has compiled the turn's path (methods called once a turn need thousands of turns).
 */
public final class TurnOverheadDriver {

    private static final int[] CHECKPOINTS = {10, 100, 400, 1000};
    private static final int WINDOW = 10;
    // The machine's noise (other processes, a hypervisor taking the CPU away) shows in wall time; CPU time shows the harness's own work.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<TurnPath> CURRENT = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long pauseNanos = (args.length > 1 ? Long.parseLong(args[1]) : 4) * 1_000_000L;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> corpus = Corpus.participantTurns();
        OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        // Notes the calling thread's CPU time at the moment the request goes to the model.
        long[] cpuAtRequest = new long[1];
        Model model = new Model() {
            @Override
            public String name() {
                return offline.name();
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                cpuAtRequest[0] = THREADS.getCurrentThreadCpuTime();
                TurnPath path = CURRENT.get();
                if (path != null) {
                    path.end(); // the request is sent: the turn's path ends here
                }
                return offline.stream(prompt, deadline, listener);
            }
        };
        TalkHarness harness = TalkHarness.builder().model(model).fallback(offline).build();
        StagedContext staged = harness.stage(Briefings.interview());

        Map<Integer, List<Long>> samples = new LinkedHashMap<>();
        Map<Integer, List<Long>> cpuSamples = new LinkedHashMap<>();
        Map<Integer, List<Long>> offCpuSamples = new LinkedHashMap<>();
        for (int c : CHECKPOINTS) {
            samples.put(c, new ArrayList<>());
            cpuSamples.put(c, new ArrayList<>());
            offCpuSamples.put(c, new ArrayList<>());
        }
        int last = CHECKPOINTS[CHECKPOINTS.length - 1] + WINDOW;
        for (int s = 1 - warmUps; s <= sessions; s++) {
            boolean warmUp = s <= 0;
            try (Session session = harness.open(staged)) {
                session.open(t -> { }).join();
                for (int turn = 1; turn <= last; turn++) {
                    String text = corpus.get(Math.floorMod(s * 7919 + turn, corpus.size()));
                    TurnPath event = new TurnPath();
                    CURRENT.set(event);
                    event.begin();
                    long cpuBefore = THREADS.getCurrentThreadCpuTime();
                    CompletableFuture<TurnRecord> reply = session.respond(text, t -> { });
                    long cpu = cpuAtRequest[0] - cpuBefore;
                    CURRENT.remove();
                    if (!warmUp && event.shouldCommit()) {
                        event.turn = turn;
                        event.cpu = cpu;
                        event.commit();
                    }
                    TurnRecord r = reply.join();
                    for (int c : CHECKPOINTS) {
                        if (!warmUp && Math.abs(turn - c) <= WINDOW) {
                            samples.get(c).add(r.timings().overhead().toNanos());
                            cpuSamples.get(c).add(cpu);
                            offCpuSamples.get(c).add(Math.max(0, r.timings().overhead().toNanos() - cpu));
                        }
                    }
                    // The person's turn: seconds in life, in which monitors and indexing finish; settle, then a short pause.
                    session.settle(Duration.ofSeconds(2));
                    if (!warmUp) {
                        LockSupport.parkNanos(pauseNanos);
                    }
                }
            }
            if (!warmUp) {
                System.out.printf("session %d/%d done%n", s, sessions);
            }
        }
        System.out.println();
        System.out.println("Harness overhead per turn (utterance in -> model request sent), all features on:");
        for (Map.Entry<Integer, List<Long>> e : samples.entrySet()) {
            System.out.printf("  turn %4d: %s%n", e.getKey(), new Percentiles(e.getValue()).line());
        }
        System.out.println("CPU time of the same path (the calling thread's CPU time from respond() to the model call; no waiting for a CPU in it):");
        for (Map.Entry<Integer, List<Long>> e : cpuSamples.entrySet()) {
            System.out.printf("  turn %4d: %s%n", e.getKey(), new Percentiles(e.getValue()).line());
        }
        System.out.println("Off-CPU part of the same path (wall minus CPU: the thread was runnable but not running, or waited):");
        for (Map.Entry<Integer, List<Long>> e : offCpuSamples.entrySet()) {
            System.out.printf("  turn %4d: %s%n", e.getKey(), new Percentiles(e.getValue()).line());
        }
    }

    /** The turn's path as a flight-recorder event, to see what overlaps the slow ones (with -XX:StartFlightRecording). */
    @jdk.jfr.Name("bench.TurnPath")
    @jdk.jfr.Label("Turn path")
    static final class TurnPath extends jdk.jfr.Event {
        @jdk.jfr.Label("Turn")
        int turn;
        @jdk.jfr.Label("CPU time")
        @jdk.jfr.Timespan
        long cpu;
    }
}
