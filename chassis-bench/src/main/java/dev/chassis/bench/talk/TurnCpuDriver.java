package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.bench.model.WireServer;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.model.Model;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.models.embed.MiniLmEmbedder;
import dev.chassis.models.langchain4j.ProviderModels;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jdk.jfr.Recording;

/**
 * Whole-process CPU per talk turn as a session grows (issue 18.3): one harness with every feature on, the
 * request writer's path to a loopback {@link WireServer}, replaying real participant turns and settling
 * after each (monitors, indexing, journal), as while a person speaks. Prints the CPU per turn, the server's
 * share subtracted, around each checkpoint, so growth with the session shows as a ratio in one run.
 *
 * <p>Usage: {@code TurnCpuDriver [lastTurn] [sessions] [jfrDir|-] [bare] [paced]}. With {@code bare}, the harness is the one
 * {@link ConcurrentSessionsDriver} runs (no embedder, the default journal), so that its CPU per turn can be compared
 * between two builds on a loaded machine: here every turn's work beside the turn finishes before the next (nothing is
 * cancelled for lack of CPU, as thousands of sessions on a starved machine are), and the JVM threads' CPU is summed per turn. With {@code jfrDir}, a flight recording
 * (execution and allocation samples) is written for the turns around each checkpoint, to compare where the
 * CPU of a late turn goes against an early one ({@code jfr view hot-methods DIR/turn-400.jfr}; with several sessions,
 * one file per session: {@code turn-400-s2.jfr}). With {@code paced} the server streams as {@link ConcurrentSessionsDriver}'s
 * does (first token after 150 ms, 80 words a second, a chunk each), so the reply's stream is read as many small reads, not one.
 */
public final class TurnCpuDriver {

    private static final int WINDOW = 10;
    private static final String REPLY = "Thank you, that is helpful. Could you tell me a little more about how that went?";

    public static void main(String[] args) throws Exception {
        int last = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Optional<Path> jfrDir = args.length > 2 && !args[2].equals("-") ? Optional.of(Files.createDirectories(Path.of(args[2])))
                : Optional.empty();
        boolean bare = args.length > 3 && args[3].equals("bare");
        boolean paced = args.length > 4 && args[4].equals("paced");
        int[] checkpoints = java.util.stream.IntStream.of(10, 100, 200, 400, 1000).filter(c -> c <= last).toArray();
        List<String> corpus = Corpus.participantTurns();
        Path journalDir = Files.createTempDirectory("chassis-turn-cpu-journal");
        Map<Integer, List<Long>> cpu = new TreeMap<>();
        Map<Integer, List<Long>> wall = new TreeMap<>();
        Map<Integer, long[]> whole = new TreeMap<>(); // per checkpoint: the process's CPU (the OS's count), the server's, turns
        for (int c : checkpoints) {
            cpu.put(c, new ArrayList<>());
            wall.put(c, new ArrayList<>());
        }
        try (WireServer server = paced ? WireServer.paced(REPLY, 150, 80) : WireServer.instant(REPLY)) {
            Model engine = ProviderModels.openAi(server.modelString(), Optional.of(server.baseUrl()), "wire", "not-needed",
                    "OPENAI_COMPATIBLE_API_KEY", Duration.ofSeconds(120), ProviderModels.RequestPath.WRITER);
            TalkHarness.Builder builder = TalkHarness.builder().model(CircuitBreakingModel.of(engine))
                    .fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build());
            TalkHarness harness = bare ? builder.build() : builder.embedder(new MiniLmEmbedder()).journal(new FileJournal(journalDir)).build();
            for (int s = 0; s <= sessions; s++) {
                boolean warmUp = s == 0;
                try (Session session = harness.open(harness.stage(Briefings.interview()))) {
                    session.open(t -> { }).join();
                    session.settle(Duration.ofSeconds(5));
                    Recording recording = null;
                    int turns = warmUp ? Math.min(last, 150) : checkpoints[checkpoints.length - 1] + WINDOW;
                    for (int turn = 1; turn <= turns; turn++) {
                        if (!warmUp && jfrDir.isPresent() && recording == null && isStart(turn, checkpoints)) {
                            recording = FlightRecording.start();
                        }
                        String text = corpus.get(Math.floorMod(s * 7919 + turn, corpus.size()));
                        long os0 = WireServer.osProcessCpuNanos();
                        long cpu0 = WireServer.processCpuNanos();
                        long server0 = server.cpuNanos();
                        long t0 = System.nanoTime();
                        session.respond(text, t -> { }).join();
                        session.settle(Duration.ofSeconds(5));
                        long spent = WireServer.processCpuNanos() - cpu0 - (server.cpuNanos() - server0);
                        long took = System.nanoTime() - t0;
                        long os = WireServer.osProcessCpuNanos() - os0;
                        long serverShare = server.cpuNanos() - server0;
                        for (int c : checkpoints) {
                            if (!warmUp && Math.abs(turn - c) <= WINDOW) {
                                cpu.get(c).add(spent);
                                whole.merge(c, new long[] {os, serverShare, 1}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
                                wall.get(c).add(took);
                                if (recording != null && turn == c + WINDOW) {
                                    FlightRecording.stop(recording, jfrDir.get().resolve("turn-" + c + (sessions > 1 ? "-s" + s : "") + ".jfr"));
                                    recording = null;
                                }
                            }
                        }
                    }
                }
                System.out.printf("%s done%n", warmUp ? "warm-up session" : "session " + s + "/" + sessions);
            }
        }
        System.out.println("CPU per harness turn (respond + settle), server's share subtracted: 'cpu' sums the JVM's threads per turn;"
                + " 'whole' is the operating system's count for the process (native threads too: the ONNX runtime's), a mean over the turns:");
        double first = 0;
        for (int c : checkpoints) {
            Percentiles p = new Percentiles(cpu.get(c));
            if (first == 0) {
                first = p.percentileMillis(50);
            }
            System.out.printf("  turn %4d  cpu %s  (p50 %.2fx turn %d)%n", c, p.line(), p.percentileMillis(50) / first, checkpoints[0]);
            long[] w = whole.get(c);
            System.out.printf("  turn %4d  whole mean %.2f ms (n=%d)%n", c, (w[0] - w[1]) / 1e6 / w[2], w[2]);
            System.out.printf("  turn %4d  wall %s%n", c, new Percentiles(wall.get(c)).line());
        }
    }

    private static boolean isStart(int turn, int[] checkpoints) {
        for (int c : checkpoints) {
            if (turn == c - WINDOW || (c - WINDOW < 1 && turn == 1)) {
                return true;
            }
        }
        return false;
    }
}
