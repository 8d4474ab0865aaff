package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading the answer on the turn's path costs (the language and emotion monitors, {@link Monitor#onTurnPath()}):
 * the harness overhead per turn (utterance in, model request sent) with the built-in monitors as shipped, against
 * the same monitors all run beside the turn, in one run, sessions of the two sides interleaved so both see the
 * same machine. Prints p50 and p99 of each side over the turns around each checkpoint, and their ratio.
 *
 * <p>{@code OnPathMonitorsDriver [sessions per side] [turns] [warm-up sessions per side]}
 */
public final class OnPathMonitorsDriver {

    private static final int[] CHECKPOINTS = {10, 100, 400};
    private static final int WINDOW = 10;

    private OnPathMonitorsDriver() {
    }

    public static void main(String[] args) {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 410;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> corpus = Corpus.participantTurns();
        OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        TalkHarness onPath = TalkHarness.builder().model(offline).fallback(offline).build();
        TalkHarness beside = TalkHarness.builder().model(offline).fallback(offline)
                .monitors(TalkHarness.builtInMonitors().stream().map(OnPathMonitorsDriver::beside).toList()).build();
        List<List<Long>> on = samples();
        List<List<Long>> off = samples();
        for (int s = 1 - warmUps; s <= sessions; s++) {
            run(onPath, corpus, s, turns, s > 0 ? on : null);
            run(beside, corpus, s, turns, s > 0 ? off : null);
            if (s > 0) {
                System.out.printf("sessions %d/%d done%n", s, sessions);
            }
        }
        System.out.println();
        System.out.println("Harness overhead per turn (ms), language and emotion read on the turn's path vs beside it, same run:");
        for (int i = 0; i < CHECKPOINTS.length; i++) {
            Percentiles a = new Percentiles(on.get(i));
            Percentiles b = new Percentiles(off.get(i));
            System.out.printf("  turn %4d  on path: %s%n             beside:  %s%n             ratio p50 %.2f, p99 %.2f%n", CHECKPOINTS[i],
                    a.line(), b.line(), a.percentileMillis(50) / b.percentileMillis(50), a.percentileMillis(99) / b.percentileMillis(99));
        }
    }

    private static List<List<Long>> samples() {
        List<List<Long>> out = new ArrayList<>();
        for (int c : CHECKPOINTS) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static void run(TalkHarness harness, List<String> corpus, int s, int turns, List<List<Long>> into) {
        StagedContext staged = harness.stage(Briefings.interview());
        try (Session session = harness.open(staged)) {
            session.open(t -> { }).join();
            for (int turn = 1; turn <= turns; turn++) {
                TurnRecord r = session.respond(corpus.get(Math.floorMod(s * 7919 + turn, corpus.size())), t -> { }).join();
                for (int i = 0; into != null && i < CHECKPOINTS.length; i++) {
                    if (Math.abs(turn - CHECKPOINTS[i]) <= WINDOW) {
                        into.get(i).add(r.timings().overhead().toNanos());
                    }
                }
                session.settle(Duration.ofSeconds(2));
            }
        }
    }

    /** The same monitor, run beside the turn. */
    private static Monitor beside(Monitor m) {
        return new Monitor() {
            @Override
            public String name() {
                return m.name();
            }

            @Override
            public List<Signal> observe(TurnView turn, SessionState snapshot) throws Exception {
                return m.observe(turn, snapshot);
            }

            @Override
            public Duration budget() {
                return m.budget();
            }
        };
    }
}
