package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.server.ChassisServer;
import dev.chassis.server.ServerConfig;
import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * WebSocket load on {@code chassis serve}: N participants interviewed at once, each answering after a
 * think time, against a {@link SimulatedModelServer} reached through the real model path (the
 * OpenAI-compatible engine over loopback HTTP). When an interview ends, a new participant takes the
 * place, so N sessions stay live for the whole run. Reports errors, the harness's own overhead per turn
 * (end of the answer → model request sent, measured in the server), time to first token as the
 * participant sees it, deadline misses and heap.
 *
 * <p>Usage: {@code WebSocketLoadDriver [sessions=1000] [minutes=3] [thinkMillis=3000] [modelFirstTokenMillis=300] [tokensPerSecond=60]}.
 * Everything runs in this one JVM, so the heap figures include the simulated model server and the clients.
 */
public final class WebSocketLoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ANSWERS = List.of(
            "We signed up last spring because our old tool kept losing comments, and setup took one afternoon.",
            "The first thing I tried was inviting the team, which was easy, but the permissions confused two people.",
            "It became useful when we planned the launch together and everyone could see the same timeline.",
            "I use it every day now, mostly in the morning stand-up and when I review what changed overnight.",
            "Honestly I avoid it for quick questions, chat is faster for those.",
            "Pricing was fine for us, the team plan covers what we need and finance did not complain.",
            "Setup was slow at first because our workspace had too many projects from the trial.",
            "Not much else to add, it mostly works for us.");

    public static void main(String[] args) throws Exception {
        int sessions = arg(args, 0, 1000);
        int minutes = arg(args, 1, 3);
        Duration think = Duration.ofMillis(arg(args, 2, 3000));
        int modelFirstToken = arg(args, 3, 300);
        int tokensPerSecond = arg(args, 4, 60);
        Path data = Files.createTempDirectory("chassis-load");
        Path guide = Path.of(System.getProperty("chassis.repo.dir", ".")).resolve("examples/guides/onboarding-en.yaml");

        try (SimulatedModelServer model = SimulatedModelServer.builder().keepRequests(0)
                .timeToFirstToken(Latency.logNormal(Duration.ofMillis(modelFirstToken), 0.35)).tokensPerSecond(tokensPerSecond).start();
             ChassisServer server = ChassisServer.start(ServerConfig.defaults(data).withPort(0).withModel(model.modelString())
                     .withParticipantPerMinute(100_000).withFailedAuthPerMinute(100_000))) {
            String token = server.newResearcherToken().orElseThrow();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            String base = "http://127.0.0.1:" + server.port();
            String study = post(http, base, token, "/api/studies",
                    Map.of("guideYaml", Files.readString(guide), "source", "onboarding-en.yaml")).path("study").path("id").asText();
            System.out.printf("Load: %d concurrent interviews for %d min, think time %d ms, model first token ~%d ms at %d tokens/s%n",
                    sessions, minutes, think.toMillis(), modelFirstToken, tokensPerSecond);
            long heapBefore = heapAfterGc();

            LoadClient.Totals totals = LoadClient.Totals.empty();
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
            Set<String> sessionIds = ConcurrentHashMap.newKeySet();
            long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            Set<LoadClient> open = ConcurrentHashMap.newKeySet();
            Runnable[] spawn = new Runnable[1];
            spawn[0] = () -> {
                if (System.nanoTime() > end) {
                    return;
                }
                JsonNode created = post(http, base, token, "/api/studies/" + study + "/sessions", Map.of());
                sessionIds.add(created.path("session").path("id").asText());
                LoadClient c = new LoadClient(ANSWERS, think, timer, totals, 0, done -> {
                    open.remove(done);
                    Thread.startVirtualThread(spawn[0]);
                });
                open.add(c);
                c.connect(http, created.path("link").asText().replace("http://", "ws://").replace("/p/", "/ws/p/"));
            };
            for (int i = 0; i < sessions; i++) {   // ramp up over about ten seconds
                Thread.startVirtualThread(spawn[0]);
                Thread.sleep(10_000L / sessions);
            }
            long peakHeap = 0;
            long heapAllLive = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(10_000);
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakHeap = Math.max(peakHeap, used);
                System.out.printf("  live sessions %d · turns %d · interviews completed %d · errors %d · heap %d MB%n",
                        server.liveSessions(), totals.turns().get(), totals.completed().get(), totals.errors().get(), used >> 20);
                if (heapAllLive == 0 && server.liveSessions() >= sessions * 0.95) {
                    heapAllLive = heapAfterGc();
                }
            }
            open.forEach(LoadClient::close);
            timer.shutdownNow();
            report(http, base, token, sessionIds, totals, sessions, heapBefore, heapAllLive, peakHeap);
        }
    }

    private static void report(HttpClient http, String base, String token, Set<String> ids, LoadClient.Totals totals, int sessions,
                               long heapBefore, long heapAllLive, long peakHeap) {
        List<Double> overhead = new ArrayList<>();
        List<Double> firstWords = new ArrayList<>();
        long misses = 0;
        for (String id : ids) {
            for (JsonNode t : get(http, base, token, "/api/sessions/" + id + "/state").path("turns")) {
                if (t.path("turn").asInt() > 0) {
                    overhead.add(t.path("overheadMs").asDouble());
                    if (t.path("firstWordsMs").asDouble() >= 0) {
                        firstWords.add(t.path("firstWordsMs").asDouble());
                    }
                    misses += t.path("deadlineMissed").asBoolean() ? 1 : 0;
                }
            }
        }
        List<Double> client = totals.firstTokenNanos().stream().map(n -> n / 1e6).toList();
        System.out.println();
        System.out.printf("sessions started %d · answers answered %d · interviews completed %d · errors %d%n",
                ids.size(), overhead.size(), totals.completed().get(), totals.errors().get());
        totals.errorSamples().forEach(e -> System.out.println("  error: " + e));
        System.out.printf("harness overhead per turn (server): p50 %.2f ms · p99 %.2f ms · max %.2f ms%n",
                pct(overhead, 50), pct(overhead, 99), pct(overhead, 100));
        System.out.printf("first words after an answer (server): p50 %.1f ms · p99 %.1f ms · deadline misses %d (%.2f%%)%n",
                pct(firstWords, 50), pct(firstWords, 99), misses, 100.0 * misses / Math.max(1, overhead.size()));
        System.out.printf("first token as the participant sees it (client): p50 %.1f ms · p99 %.1f ms%n", pct(client, 50), pct(client, 99));
        System.out.printf("heap after GC: %d MB before · %d MB with %d sessions live (%.0f KB per session) · peak used %d MB%n",
                heapBefore >> 20, heapAllLive >> 20, sessions, heapAllLive == 0 ? 0 : (heapAllLive - heapBefore) / 1024.0 / sessions, peakHeap >> 20);
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - (p == 100 ? 1 : 0)));
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static JsonNode post(HttpClient http, String base, String token, String path, Object body) {
        try {
            return send(http, HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(HttpClient http, String base, String token, String path) {
        return send(http, HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build());
    }

    private static JsonNode send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " -> " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
