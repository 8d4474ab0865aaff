package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A soak of a running {@code chassis serve}: N participants interviewed at once for a while, a share of them
 * leaving mid-interview (a closed tab, a dropped network), each place taken again by a new participant. Every
 * few seconds it reads the server's own {@code /metrics}: live sessions against connected participants (a session
 * whose participant left must be released within seconds) and heap used. At the end every participant drops at
 * once, and the time until the server holds no session is the release time. Errors are anything a participant
 * did not expect: an error message, a refused or broken connection, a close it did not ask for.
 */
public final class Soak {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the end of a soak waits for the server to release every session. */
    static final Duration RELEASE_WAIT = Duration.ofMinutes(3);

    /**
     * @param sessions  participants connected at once
     * @param length    how long participants keep coming
     * @param think     time before each answer (each drawn 0.5-1.5 times it)
     * @param leaveShare share of participants who leave after 1-4 answers without finishing
     * @param sample    time between reads of the server's metrics
     */
    public record Settings(int sessions, Duration length, Duration think, double leaveShare, Duration sample) {
        public Settings {
            if (sessions < 1 || leaveShare < 0 || leaveShare > 1) {
                throw new IllegalArgumentException("sessions must be positive and the share leaving 0-1");
            }
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(think, "think");
            Objects.requireNonNull(sample, "sample");
        }
    }

    /** What a server reported at one moment. */
    public record Sample(Duration at, int connected, int live, long heapBytes, long turns, long errors) {
    }

    /**
     * What the soak found.
     *
     * @param release  time from every participant dropping at once until the server held no session (empty if not within
     *                 {@link #RELEASE_WAIT})
     * @param draining the server's sessions every five seconds after they dropped, until none or the wait ran out
     */
    public record Result(int started, long turns, long completed, long left, long errors, List<String> errorSamples,
                         List<Sample> samples, java.util.Optional<Duration> release, List<Sample> draining, Set<String> sessionIds) {

        /** The most sessions held beyond those with a participant connected, over the samples. */
        public int maxUnreleased() {
            return samples.stream().mapToInt(s -> Math.max(0, s.live() - s.connected())).max().orElse(0);
        }

        /** The lowest heap used in each consecutive window of {@code per} samples: the floor the heap returns to. */
        public List<Long> heapFloors(int per) {
            List<Long> floors = new ArrayList<>();
            for (int i = 0; i + per <= samples.size(); i += per) {
                floors.add(samples.subList(i, i + per).stream().mapToLong(Sample::heapBytes).min().orElse(0));
            }
            return floors;
        }
    }

    /** The server under test: its address and a researcher token. */
    public record Target(String base, String token) {
    }

    private Soak() {
    }

    /** Runs the soak against {@code target} with the interview guide {@code guide}; {@code progress} hears each sample. */
    public static Result run(Target target, Path guide, Settings settings, Consumer<Sample> progress) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        String study = post(http, target, "/api/studies", Map.of("guideYaml", Files.readString(guide), "source", guide.getFileName().toString()))
                .path("study").path("id").asText();
        LoadClient.Totals totals = LoadClient.Totals.empty();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Set<LoadClient> open = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        long end = start + settings.length().toNanos();
        Runnable[] spawn = new Runnable[1];
        spawn[0] = () -> {
            if (System.nanoTime() > end) {
                return;
            }
            try {
                JsonNode created = post(http, target, "/api/studies/" + study + "/sessions", Map.of());
                ids.add(created.path("session").path("id").asText());
                int leaveAfter = ThreadLocalRandom.current().nextDouble() < settings.leaveShare() ? 1 + ThreadLocalRandom.current().nextInt(4) : 0;
                LoadClient c = new LoadClient(WebSocketLoadDriver.ANSWERS, settings.think(), timer, totals, leaveAfter, done -> {
                    open.remove(done);
                    Thread.startVirtualThread(spawn[0]);
                });
                open.add(c);
                c.connect(http, created.path("link").asText().replace("http://", "ws://").replace("/p/", "/ws/p/"));
            } catch (RuntimeException e) {
                totals.errors().incrementAndGet();
                totals.errorSamples().add("new session: " + e.getMessage());
            }
        };
        long ramp = Math.min(10_000L, settings.length().toMillis() / 4);
        for (int i = 0; i < settings.sessions(); i++) {
            Thread.startVirtualThread(spawn[0]);
            Thread.sleep(ramp / settings.sessions());
        }
        List<Sample> samples = new ArrayList<>();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(settings.sample().toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Map<String, Double> m = metrics(http, target);
            Sample s = new Sample(Duration.ofNanos(System.nanoTime() - start), open.size(), (int) (double) m.getOrDefault("live", 0.0),
                    (long) (double) m.getOrDefault("heap", 0.0), totals.turns().get(), totals.errors().get());
            samples.add(s);
            progress.accept(s);
        }
        long dropped = System.nanoTime();
        List.copyOf(open).forEach(LoadClient::drop);
        java.util.Optional<Duration> release = java.util.Optional.empty();
        List<Sample> draining = new ArrayList<>();
        for (long until = dropped + RELEASE_WAIT.toNanos(), next = 0; System.nanoTime() < until; Thread.sleep(100)) {
            int live = (int) (double) metrics(http, target).getOrDefault("live", 1.0);
            if (System.nanoTime() >= next) {   // the server's sessions every 5 s while they drain
                draining.add(new Sample(Duration.ofNanos(System.nanoTime() - dropped), 0, live, 0, totals.turns().get(), totals.errors().get()));
                next = System.nanoTime() + 5_000_000_000L;
            }
            if (live == 0) {
                release = java.util.Optional.of(Duration.ofNanos(System.nanoTime() - dropped));
                break;
            }
        }
        timer.shutdownNow();
        return new Result(ids.size(), totals.turns().get(), totals.completed().get(), totals.left().get(), totals.errors().get(),
                List.copyOf(totals.errorSamples()), List.copyOf(samples), release, List.copyOf(draining), Set.copyOf(ids));
    }

    /** Live sessions and heap used, from the server's Prometheus text. */
    static Map<String, Double> metrics(HttpClient http, Target target) {
        String text = call(http, HttpRequest.newBuilder(URI.create(target.base() + "/metrics"))
                .header("Authorization", "Bearer " + target.token()).GET().build());
        double live = 0;
        double heap = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("chassis_sessions_live ")) {
                live = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Map.of("live", live, "heap", heap);
    }

    static JsonNode get(HttpClient http, Target target, String path) {
        return read(call(http, HttpRequest.newBuilder(URI.create(target.base() + path)).header("Authorization", "Bearer " + target.token())
                .GET().build()));
    }

    private static JsonNode post(HttpClient http, Target target, String path, Object body) {
        try {
            return read(call(http, HttpRequest.newBuilder(URI.create(target.base() + path)).header("Authorization", "Bearer " + target.token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String call(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri().getPath() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
