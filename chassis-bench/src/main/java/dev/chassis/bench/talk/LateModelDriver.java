package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.testkit.model.LateModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A model whose first token is 3 s late on 20% of turns: the share of turns whose first words reach
 * the person within 800 ms. Sessions run concurrently (each its own late-turn schedule). Usage:
 * {@code LateModelDriver [sessions] [turns]}.
 */
public final class LateModelDriver {

    public static void main(String[] args) throws InterruptedException {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<String> corpus = Corpus.participantTurns();
        OfflineModel engine = OfflineModel.builder().pacing(Pacing.of(Duration.ofMillis(150), Duration.ofMillis(5))).build();
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        Duration deadline = Duration.ofMillis(800);
        List<Long> firstWords = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger bridged = new AtomicInteger();
        AtomicInteger modelLate = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < sessions; s++) {
                int session = s;
                pool.submit(() -> {
                    TalkHarness h = TalkHarness.builder().model(new LateModel(engine, 0.2, Duration.ofSeconds(3), session))
                            .fallback(fallback).firstTokenDeadline(deadline).build();
                    try (Session x = h.open(h.stage(Briefings.interview()))) {
                        x.open(t -> { }).join();
                        for (int turn = 1; turn <= turns; turn++) {
                            TurnRecord r = x.respond(corpus.get((session * 7919 + turn) % corpus.size()), t -> { }).join();
                            firstWords.add(r.timings().firstDelivered().orElse(r.timings().total()).toNanos());
                            bridged.addAndGet(r.bridge().isPresent() ? 1 : 0);
                            modelLate.addAndGet(r.timings().modelFirstToken().filter(d -> d.compareTo(deadline) > 0).isPresent() ? 1 : 0);
                            LockSupport.parkNanos(100_000_000L);
                        }
                    }
                    return null;
                });
            }
        }
        long within = firstWords.stream().filter(n -> n <= deadline.toNanos()).count();
        System.out.println();
        System.out.printf("Model first token 3 s late on 20%% of turns; deadline %d ms; %d sessions x %d turns%n", deadline.toMillis(), sessions, turns);
        System.out.println("  first words delivered: " + new Percentiles(firstWords).line());
        System.out.printf("  turns with output within %d ms: %d of %d (%.2f%%); model late on %d turns, bridged %d%n", deadline.toMillis(),
                within, firstWords.size(), 100.0 * within / firstWords.size(), modelLate.get(), bridged.get());
    }
}
