package dev.chassis.bench.talk;

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
 * Usage: {@code TurnOverheadDriver [sessions] [pauseMillis]}.
 */
public final class TurnOverheadDriver {

    private static final int[] CHECKPOINTS = {10, 100, 400, 1000};
    private static final int WINDOW = 10;
    // The machine's noise (other processes, a hypervisor taking the CPU away) shows in wall time; CPU time shows the harness's own work.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long pauseNanos = (args.length > 1 ? Long.parseLong(args[1]) : 4) * 1_000_000L;
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
                return offline.stream(prompt, deadline, listener);
            }
        };
        TalkHarness harness = TalkHarness.builder().model(model).fallback(offline).build();
        StagedContext staged = harness.stage(Briefings.interview());

        Map<Integer, List<Long>> samples = new LinkedHashMap<>();
        Map<Integer, List<Long>> cpuSamples = new LinkedHashMap<>();
        for (int c : CHECKPOINTS) {
            samples.put(c, new ArrayList<>());
            cpuSamples.put(c, new ArrayList<>());
        }
        int last = CHECKPOINTS[CHECKPOINTS.length - 1] + WINDOW;
        for (int s = 0; s <= sessions; s++) {
            boolean warmUp = s == 0;
            try (Session session = harness.open(staged)) {
                session.open(t -> { }).join();
                for (int turn = 1; turn <= last; turn++) {
                    String text = corpus.get((s * 7919 + turn) % corpus.size());
                    long cpuBefore = THREADS.getCurrentThreadCpuTime();
                    CompletableFuture<TurnRecord> reply = session.respond(text, t -> { });
                    long cpu = cpuAtRequest[0] - cpuBefore;
                    TurnRecord r = reply.join();
                    for (int c : CHECKPOINTS) {
                        if (!warmUp && Math.abs(turn - c) <= WINDOW) {
                            samples.get(c).add(r.timings().overhead().toNanos());
                            cpuSamples.get(c).add(cpu);
                        }
                    }
                    // The person's turn: seconds in life, in which monitors and indexing finish; settle, then a short pause.
                    session.settle(Duration.ofSeconds(2));
                    LockSupport.parkNanos(pauseNanos);
                }
            }
            if (!warmUp) {
                System.out.printf("session %d/%d done%n", s, sessions);
            }
        }
        System.out.println();
        System.out.println("Harness overhead per turn (utterance in -> model request sent), all features on:");
        for (Map.Entry<Integer, List<Long>> e : samples.entrySet()) {
            System.out.printf("  turn %4d: %s%n", e.getKey(), new Stats(e.getValue()).line());
        }
        System.out.println("CPU time of the same path (the calling thread's CPU time from respond() to the model call; no waiting for a CPU in it):");
        for (Map.Entry<Integer, List<Long>> e : cpuSamples.entrySet()) {
            System.out.printf("  turn %4d: %s%n", e.getKey(), new Stats(e.getValue()).line());
        }
    }
}
