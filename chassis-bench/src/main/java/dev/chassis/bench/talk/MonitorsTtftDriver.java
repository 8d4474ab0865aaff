package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Feature;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Time to first token with monitors on (every built-in monitor plus one that sleeps 2 s on every turn)
 * against monitors off, on the same engine, turns interleaved so both see the same machine. The
 * engine is the offline one paced like a fast provider (first token after 100 ms). Usage:
 * {@code MonitorsTtftDriver [sessions] [turns]}.
 */
public final class MonitorsTtftDriver {

    /** A monitor that takes two seconds on every turn: it must not delay a single reply. */
    static final class Sleepy implements Monitor {
        @Override
        public String name() {
            return "sleepy";
        }

        @Override
        public Duration budget() {
            return Duration.ofSeconds(5);
        }

        @Override
        public List<Signal> observe(TurnView turn, SessionState snapshot) throws InterruptedException {
            Thread.sleep(2000);
            return List.of();
        }
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<String> corpus = Corpus.participantTurns();
        OfflineModel model = OfflineModel.builder().pacing(Pacing.of(Duration.ofMillis(100), Duration.ofMillis(2))).build();
        OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        List<Monitor> monitors = new ArrayList<>(TalkHarness.builtInMonitors());
        monitors.add(new Sleepy());
        TalkHarness on = TalkHarness.builder().model(model).fallback(fallback).monitors(monitors).build();
        TalkHarness off = TalkHarness.builder().model(model).fallback(fallback).without(Feature.MONITORS).build();
        StagedContext staged = on.stage(Briefings.interview());
        List<Long> withMonitors = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        long failures = 0;
        for (int s = 0; s <= sessions; s++) {
            try (Session a = on.open(staged); Session b = off.open(off.stage(Briefings.interview()))) {
                a.open(t -> { }).join();
                b.open(t -> { }).join();
                for (int turn = 1; turn <= turns; turn++) {
                    String text = corpus.get((s * 7919 + turn) % corpus.size());
                    boolean onFirst = (turn + s) % 2 == 0; // alternate order so neither side always runs second
                    TurnRecord first = (onFirst ? a : b).respond(text, t -> { }).join();
                    TurnRecord second = (onFirst ? b : a).respond(text, t -> { }).join();
                    if (s > 0) { // session 0 warms up
                        (onFirst ? withMonitors : without).add(first.timings().firstDelivered().orElseThrow().toNanos());
                        (onFirst ? without : withMonitors).add(second.timings().firstDelivered().orElseThrow().toNanos());
                    }
                    LockSupport.parkNanos(50_000_000L); // the person's turn
                }
                failures += a.monitorFailures();
            }
            if (s > 0) {
                System.out.printf("session %d/%d done%n", s, sessions);
            }
        }
        Percentiles on50 = new Percentiles(withMonitors);
        Percentiles off50 = new Percentiles(without);
        System.out.println();
        System.out.println("Time to first token (end of turn -> first words delivered), engine first token 100 ms:");
        System.out.println("  monitors off:                 " + off50.line());
        System.out.println("  monitors on (+ one sleeps 2s): " + on50.line());
        System.out.printf("  ratio on/off: p50 %.3f, p99 %.3f, mean %.3f; monitor runs cancelled or failed: %d%n",
                on50.percentileMillis(50) / off50.percentileMillis(50), on50.percentileMillis(99) / off50.percentileMillis(99),
                on50.meanMillis() / off50.meanMillis(), failures);
    }
}
