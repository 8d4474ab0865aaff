package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.ReplyLanguageMonitor;
import dev.chassis.talk.stage.StagedContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reply-language check costs a turn (issue 16.4): two harnesses on the offline engine, one with the built-in
 * monitors as shipped, one with the same monitors but {@link ReplyLanguageMonitor}, sessions of the two interleaved in
 * one run so both see the same machine. Per turn it records the harness overhead (utterance in, model request sent:
 * what the check's glance on the turn's path adds) and the time until every monitor beside the turn has finished
 * (what its full sentence-by-sentence reading adds before the next turn can use it). Prints p50 and p99 of each side
 * and their ratio.
 *
 * <p>{@code ReplyCheckCostDriver [sessions per side] [turns] [warm-up sessions per side]}
 */
public final class ReplyCheckCostDriver {

    private ReplyCheckCostDriver() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> corpus = Corpus.participantTurns();
        OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        TalkHarness with = TalkHarness.builder().model(offline).fallback(offline).build();
        List<Monitor> others = TalkHarness.builtInMonitors().stream().filter(m -> !(m instanceof ReplyLanguageMonitor)).toList();
        TalkHarness without = TalkHarness.builder().model(offline).fallback(offline).monitors(others).build();
        Side a = new Side();
        Side b = new Side();
        for (int s = 1 - warmUps; s <= sessions; s++) {
            run(with, corpus, s, turns, s > 0 ? a : null);
            run(without, corpus, s, turns, s > 0 ? b : null);
            if (s > 0) {
                System.out.printf("sessions %d/%d done%n", s, sessions);
            }
        }
        System.out.println();
        System.out.printf("Per turn (ms), %d sessions of %d turns per side, with and without the reply-language check, same run:%n", sessions, turns);
        print("overhead on the turn's path", new Percentiles(a.overhead), new Percentiles(b.overhead));
        print("monitors beside the turn done", new Percentiles(a.settled), new Percentiles(b.settled));
    }

    private static void print(String what, Percentiles with, Percentiles without) {
        System.out.printf("  %s%n    with:    %s%n    without: %s%n    ratio p50 %.2f, p99 %.2f%n", what, with.line(), without.line(),
                with.percentileMillis(50) / without.percentileMillis(50), with.percentileMillis(99) / without.percentileMillis(99));
    }

    /** The samples of one harness, nanoseconds. */
    private static final class Side {
        final List<Long> overhead = new ArrayList<>();
        final List<Long> settled = new ArrayList<>();
    }

    private static void run(TalkHarness harness, List<String> corpus, int s, int turns, Side into) {
        StagedContext staged = harness.stage(Briefings.interview());
        try (Session session = harness.open(staged)) {
            session.open(t -> { }).join();
            for (int turn = 1; turn <= turns; turn++) {
                TurnRecord r = session.respond(corpus.get(Math.floorMod(s * 7919 + turn, corpus.size())), t -> { }).join();
                long start = System.nanoTime();
                session.settle(Duration.ofSeconds(5));
                long settled = System.nanoTime() - start;
                if (into != null) {
                    into.overhead.add(r.timings().overhead().toNanos());
                    into.settled.add(settled);
                }
            }
        }
    }
}
