package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.bench.model.WireServer;
import dev.chassis.core.journal.FileJournal;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.models.langchain4j.ProviderModels;
import dev.chassis.models.observe.ModelSpans;
import io.opentelemetry.api.GlobalOpenTelemetry;
import dev.chassis.models.embed.MiniLmEmbedder;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.StagedContext;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * What a person waits for, measured where it ends: from the end of the person's turn to the moment
 * a loopback model server ({@link WireServer}) has read the whole request, in the same
 * run and the same turns, real participant turns replayed (five ways):
 * <ul>
 *   <li>{@code chassis}: the talk harness, every feature on (recall by meaning with MiniLM, monitors,
 *       steering, a file journal), through the real {@code openai-compatible:} engine as {@code ModelFactory} makes it
 *       (Chassis's request writer since session 9); the session settles between turns, as it does while a person speaks;</li>
 *   <li>{@code chassis/lc4j}: the same harness with the engine's requests built by LangChain4j's OpenAI client on Chassis's
 *       HTTP client ({@code ProviderModels.RequestPath.LANGCHAIN4J}, the default before), a second session on the same turns;</li>
 *   <li>{@code chassis/at-once}: the same harness as {@code chassis}, its engine saying its request is on the wire as soon as
 *       it is handed over (issue 18.2's control), a third session; since session 12 what runs behind a request also waits
 *       for the model's answer, so this is the same path measured again later in the turn (the process's text caches warm
 *       from the same words), which shows what a way's position is worth;</li>
 *   <li>{@code floor}: the JDK HttpClient POSTing the very bytes the harness just sent, on a reused connection;</li>
 *   <li>{@code aiservices}: LangChain4j {@code AiServices} with a 20-message window memory, OpenAI client;</li>
 *   <li>{@code aiservices+rag}: the same with an embedding retriever (all-MiniLM-L6-v2) over earlier turns.</li>
 * </ul>
 * Beside each wall time, the process's CPU time over the same interval (the server's reading subtracted),
 * and per turn the whole process's CPU for the harness's turn, settling included, the server's share subtracted.
 * Each way starts after the same pause. Beside the chassis turns, whether a garbage collection or JIT compilation ran inside
 * them, to tell what makes a slow turn slow.
 * Usage: {@code WireTurnDriver [sessions] [lastTurn] [pauseMillis] [around]}: turns {@code around} either side of each checkpoint
 * count as it (10 by default: 21 a session, so p99 is the slowest; 25 with two sessions gives 102, p99 the second slowest);
 * a warm-up session of up to 150 turns runs first, unmeasured. With {@code -Dchassis.bench.trace=FILE} each measured
 * chassis turn is traced ({@link TurnTrace}).
 */
public final class WireTurnDriver {

    private static final String REPLY = "Thank you, that is helpful. Could you tell me a little more about how that went?";

    enum Way { CHASSIS, CHASSIS_LC4J, CHASSIS_AT_ONCE, FLOOR, AISERVICES, AISERVICES_RAG }

    interface Interviewer {
        String reply(String participant);
    }

    /** Wall and CPU samples of one path at one checkpoint. */
    record Samples(List<Long> wall, List<Long> cpu) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int last = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        long pauseNanos = (args.length > 2 ? Long.parseLong(args[2]) : 20) * 1_000_000L;
        // Turns either side of a checkpoint that count as it: 10 gives 21 turns a session, where p99 is the slowest one.
        int around = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int[] checkpoints = java.util.stream.IntStream.of(10, 100, 400, 1000).filter(c -> c <= last).toArray();
        List<String> corpus = Corpus.participantTurns();
        Path journalDir = Files.createTempDirectory("chassis-wire-journal");
        try (WireServer server = WireServer.instant(REPLY)) {
            OfflineModel fallback = OfflineModel.builder().pacing(Pacing.INSTANT).build();
            Optional<TurnTrace> trace = TurnTrace.fromProperty(server);
            Model engine = ModelFactory.fromEnvironment().create(server.modelString());
            TalkHarness harness = TalkHarness.builder().model(trace.map(t -> t.stamped(engine)).orElse(engine)).fallback(fallback)
                    .embedder(new MiniLmEmbedder()).journal(new FileJournal(journalDir)).build();
            StagedContext staged = harness.stage(Briefings.interview());
            // The same harness with LangChain4j's request path, a session of its own on the same turns, for a before/after in one run.
            Map<Way, TalkHarness> others = new EnumMap<>(Way.class);
            others.put(Way.CHASSIS_LC4J, harness(server, fallback, journalDir, ProviderModels.RequestPath.LANGCHAIN4J, false));
            // The control for "behind the wire": the same harness, its monitors and indexing started as the request is sent.
            others.put(Way.CHASSIS_AT_ONCE, harness(server, fallback, journalDir, ProviderModels.RequestPath.WRITER, true));
            EmbeddingModel embeddings = new AllMiniLmL6V2QuantizedEmbeddingModel();
            OpenAiChatModel lc4j = OpenAiChatModel.builder().baseUrl(server.baseUrl().toString()).apiKey("none").modelName("wire")
                    .timeout(Duration.ofSeconds(30)).build();
            HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest.Builder rawRequest = HttpRequest.newBuilder(server.baseUrl().resolve("/v1/chat/completions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer none");

            Map<Integer, Map<Way, Samples>> samples = new TreeMap<>();
            Map<Integer, Samples> handOver = new TreeMap<>();
            Map<Integer, Samples> turnCpu = new TreeMap<>();
        Map<Integer, Samples> turnOs = new TreeMap<>();
            Map<Way, long[]> handOffs = new EnumMap<>(Way.class);
            // The chassis turns split by what the JVM did inside them: a collection, else compilation, else neither.
            Map<Integer, List<Long>> withCollection = new TreeMap<>();
            Map<Integer, List<Long>> withCompile = new TreeMap<>();
            Map<Integer, List<Long>> quiet = new TreeMap<>();
            for (int c : checkpoints) {
                Map<Way, Samples> m = new EnumMap<>(Way.class);
                for (Way p : Way.values()) {
                    m.put(p, new Samples());
                }
                samples.put(c, m);
                handOver.put(c, new Samples());
                turnCpu.put(c, new Samples());
                turnOs.put(c, new Samples());
            }
            for (int s = 0; s <= sessions; s++) {
                boolean warmUp = s == 0;
                InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
                Interviewer window = AiServices.builder(Interviewer.class).chatModel(lc4j)
                        .chatMemory(MessageWindowChatMemory.withMaxMessages(20)).systemMessageProvider(id -> staged.prefix()).build();
                Interviewer rag = AiServices.builder(Interviewer.class).chatModel(lc4j)
                        .chatMemory(MessageWindowChatMemory.withMaxMessages(20))
                        .contentRetriever(EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(embeddings).maxResults(3).build())
                        .systemMessageProvider(id -> staged.prefix()).build();
                Map<Way, Session> compared = new EnumMap<>(Way.class);
                others.forEach((way, h) -> compared.put(way, h.open(h.stage(Briefings.interview()))));
                try (Session session = harness.open(staged)) {
                    session.open(t -> { }).join();
                    session.settle(Duration.ofSeconds(5));
                    for (Session other : compared.values()) {
                        other.open(t -> { }).join();
                        other.settle(Duration.ofSeconds(5));
                    }
                    for (int turn = 1; turn <= (warmUp ? Math.min(last, 150) : checkpoints[checkpoints.length - 1] + around); turn++) {
                        String text = corpus.get(Math.floorMod(s * 7919 + turn, corpus.size()));
                        // Every way starts after the same pause, as after the person spoke: until session 11 only this first one
                        // did, and paid alone for cores woken from idle (session 10: at-once, the same path measured second, 0.2 ms faster).
                        LockSupport.parkNanos(pauseNanos);
                        long turnOs0 = WireServer.osProcessCpuNanos();
                        long turnCpu0 = WireServer.processCpuNanos();
                        long turnServer0 = server.cpuNanos();
                        long cpu0 = WireServer.processCpuNanos();
                        long handed0 = ProviderModels.requestsSentAndHandedOff()[1];
                        JvmActivity jvm0 = JvmActivity.now();
                        trace.ifPresent(TurnTrace::before);
                        // The clock starts last: summing the CPU of every thread (above) takes about 0.07 ms, and until session 11 it
                        // was inside this way's interval alone.
                        long t0 = System.nanoTime();
                        TurnRecord r = session.respond(text, t -> { }).join();
                        JvmActivity jvm = JvmActivity.now().since(jvm0);
                        handOffs.merge(Way.CHASSIS, new long[] {1, ProviderModels.requestsSentAndHandedOff()[1] - handed0}, WireTurnDriver::sum);
                        long chassisWall = WireServer.readAt(r.reply()) - t0;
                        long chassisCpu = server.lastProcessCpuAtRead() - cpu0 - server.lastReadCpu();
                        if (!warmUp) {
                            long at = t0;
                            int n = turn;
                            int sn = s;
                            trace.ifPresent(t -> t.after(sn, n, at, chassisWall, jvm));
                        }
                        session.settle(Duration.ofSeconds(5)); // monitors, indexing and the journal finish, as while a person speaks
                        long wholeTurnCpu = WireServer.processCpuNanos() - turnCpu0 - (server.cpuNanos() - turnServer0);
                        long wholeTurnOs = WireServer.osProcessCpuNanos() - turnOs0 - (server.cpuNanos() - turnServer0);

                        byte[] body = server.lastBody();

                        Map<Way, long[]> other = new EnumMap<>(Way.class);
                        for (Map.Entry<Way, Session> e : compared.entrySet()) {
                            LockSupport.parkNanos(pauseNanos);
                            cpu0 = WireServer.processCpuNanos();
                            t0 = System.nanoTime();
                            long h0 = ProviderModels.requestsSentAndHandedOff()[1];
                            TurnRecord viaOther = e.getValue().respond(text, t -> { }).join();
                            handOffs.merge(e.getKey(), new long[] {1, ProviderModels.requestsSentAndHandedOff()[1] - h0}, WireTurnDriver::sum);
                            long otherWall = WireServer.readAt(viaOther.reply()) - t0;
                            other.put(e.getKey(), new long[] {otherWall, server.lastProcessCpuAtRead() - cpu0 - server.lastReadCpu()});
                            e.getValue().settle(Duration.ofSeconds(5));
                        }
                        LockSupport.parkNanos(pauseNanos);
                        cpu0 = WireServer.processCpuNanos();
                        t0 = System.nanoTime();
                        raw.send(rawRequest.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
                        long floorWall = server.lastReadAt() - t0;
                        long floorCpu = server.lastProcessCpuAtRead() - cpu0 - server.lastReadCpu();

                        LockSupport.parkNanos(pauseNanos);
                        cpu0 = WireServer.processCpuNanos();
                        t0 = System.nanoTime();
                        long windowWall = WireServer.readAt(window.reply(text)) - t0;
                        long windowCpu = server.lastProcessCpuAtRead() - cpu0 - server.lastReadCpu();

                        LockSupport.parkNanos(pauseNanos);
                        cpu0 = WireServer.processCpuNanos();
                        t0 = System.nanoTime();
                        long ragWall = WireServer.readAt(rag.reply(text)) - t0;
                        long ragCpu = server.lastProcessCpuAtRead() - cpu0 - server.lastReadCpu();
                        store.add(embeddings.embed(text).content(), TextSegment.from(text)); // index the turn for later recall, after the reply

                        for (int c : checkpoints) {
                            if (!warmUp && Math.abs(turn - c) <= around) {
                                Map<Way, Samples> m = samples.get(c);
                                add(m.get(Way.CHASSIS), chassisWall, chassisCpu);
                                other.forEach((way, wc) -> add(m.get(way), wc[0], wc[1]));
                                add(m.get(Way.FLOOR), floorWall, floorCpu);
                                add(m.get(Way.AISERVICES), windowWall, windowCpu);
                                add(m.get(Way.AISERVICES_RAG), ragWall, ragCpu);
                                add(handOver.get(c), r.timings().overhead().toNanos(), 0);
                                (jvm.collections() > 0 ? withCollection : jvm.compileMillis() > 0 ? withCompile : quiet)
                                        .computeIfAbsent(c, k -> new ArrayList<>()).add(chassisWall);
                                add(turnCpu.get(c), wholeTurnCpu, 0);
                                add(turnOs.get(c), wholeTurnOs, 0);
                            }
                        }
                    }
                } finally {
                    compared.values().forEach(Session::close);
                }
                System.out.printf("%s done%n", warmUp ? "warm-up session" : "session " + s + "/" + sessions);
            }
            report(samples, handOver, turnCpu, turnOs);
            for (int c : checkpoints) {
                System.out.printf("  turn %4d  chassis turns with a collection inside: %s%n", c,
                        new Percentiles(withCollection.getOrDefault(c, List.of())).line());
                System.out.printf("  turn %4d  chassis turns with compilation (no collection): %s%n", c,
                        new Percentiles(withCompile.getOrDefault(c, List.of())).line());
                System.out.printf("  turn %4d  chassis turns with neither: %s%n", c, new Percentiles(quiet.getOrDefault(c, List.of())).line());
            }
            trace.ifPresent(TurnTrace::close);
            handOffs.remove(Way.CHASSIS_LC4J); // LangChain4j's requests are not counted
            handOffs.forEach((way, n) -> System.out.printf("  %-15s requests %d, bodies taken by another thread than the turn's (a hand-off before the wire): %d%n",
                    label(way), n[0], n[1]));
        }
    }

    private static TalkHarness harness(WireServer server, OfflineModel fallback, Path journalDir, ProviderModels.RequestPath path,
                                       boolean behindAtOnce) {
        Model engine = ProviderModels.openAi(server.modelString(), Optional.of(server.baseUrl()), "wire", "not-needed",
                "OPENAI_COMPATIBLE_API_KEY", Duration.ofSeconds(120), path);
        Model model = CircuitBreakingModel.of(ModelSpans.traced(behindAtOnce ? sentAtOnce(engine) : engine, GlobalOpenTelemetry.get()));
        return TalkHarness.builder().model(model).fallback(fallback).embedder(new MiniLmEmbedder()).journal(new FileJournal(journalDir)).build();
    }

    /** The engine, its generations saying their request is on the wire as soon as it is started (as before issue 18.2). */
    private static Model sentAtOnce(Model engine) {
        return new Model() {
            @Override
            public String name() {
                return engine.name();
            }

            @Override
            public dev.chassis.core.model.Generation stream(dev.chassis.core.model.Prompt prompt, dev.chassis.core.time.Deadline deadline,
                                                          dev.chassis.core.model.TokenListener listener) {
                dev.chassis.core.model.Generation g = engine.stream(prompt, deadline, listener);
                return new dev.chassis.core.model.Generation() {
                    @Override
                    public void cancel() {
                        g.cancel();
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<dev.chassis.core.model.Completion> result() {
                        return g.result();
                    }
                };
            }
        };
    }

    private static long[] sum(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1]};
    }

    private static void add(Samples s, long wall, long cpu) {
        s.wall().add(wall);
        s.cpu().add(Math.max(0, cpu));
    }

    private static void report(Map<Integer, Map<Way, Samples>> samples, Map<Integer, Samples> handOver, Map<Integer, Samples> turnCpu,
                               Map<Integer, Samples> turnOs) {
        System.out.println();
        System.out.println("Utterance -> request fully read by the loopback server (wall), and the process's CPU time over the same interval:");
        for (Map.Entry<Integer, Map<Way, Samples>> e : samples.entrySet()) {
            int c = e.getKey();
            for (Map.Entry<Way, Samples> p : e.getValue().entrySet()) {
                System.out.printf("  turn %4d  %-15s wall %s%n", c, label(p.getKey()), new Percentiles(p.getValue().wall()).line());
                System.out.printf("  turn %4d  %-15s cpu  %s%n", c, "", new Percentiles(p.getValue().cpu()).line());
            }
            System.out.printf("  turn %4d  %-15s      %s%n", c, "to hand-over", new Percentiles(handOver.get(c).wall()).line());
            Percentiles chassis = new Percentiles(e.getValue().get(Way.CHASSIS).wall());
            for (Way way : List.of(Way.CHASSIS_LC4J, Way.CHASSIS_AT_ONCE)) {
                Percentiles o = new Percentiles(e.getValue().get(way).wall());
                System.out.printf("  turn %4d  %s / chassis: p50 %.2fx (%.3f vs %.3f ms), p99 %.2fx (%.3f vs %.3f ms)%n", c, label(way),
                        o.percentileMillis(50) / chassis.percentileMillis(50), o.percentileMillis(50), chassis.percentileMillis(50),
                        o.percentileMillis(99) / chassis.percentileMillis(99), o.percentileMillis(99), chassis.percentileMillis(99));
            }
            Percentiles floor = new Percentiles(e.getValue().get(Way.FLOOR).wall());
            Percentiles rag = new Percentiles(e.getValue().get(Way.AISERVICES_RAG).wall());
            System.out.printf("  turn %4d  chassis over the floor: p50 +%.3f ms, p99 +%.3f ms; aiservices+rag/chassis at p99: %.1fx%n", c,
                    chassis.percentileMillis(50) - floor.percentileMillis(50), chassis.percentileMillis(99) - floor.percentileMillis(99),
                    rag.percentileMillis(99) / chassis.percentileMillis(99));
            System.out.printf("  turn %4d  whole-process CPU per harness turn, settling included, server's share subtracted: %s%n", c,
                    new Percentiles(turnCpu.get(c).wall()).line());
            System.out.printf("  turn %4d  the same by the operating system's count (native threads too), mean: %.2f ms%n", c,
                    new Percentiles(turnOs.get(c).wall()).meanMillis());
        }
    }

    private static String label(Way p) {
        return switch (p) {
            case CHASSIS -> "chassis";
            case CHASSIS_LC4J -> "chassis/lc4j";
            case CHASSIS_AT_ONCE -> "chassis/at-once";
            case FLOOR -> "floor";
            case AISERVICES -> "aiservices";
            case AISERVICES_RAG -> "aiservices+rag";
        };
    }
}
