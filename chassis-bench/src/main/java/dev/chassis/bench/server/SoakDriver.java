package dev.chassis.bench.server;

import dev.chassis.testkit.server.Latency;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The soak of issue 11.9 against {@code chassis serve} in its own process (started here through the {@code ./chassis}
 * launcher, on a fresh data folder, its model the {@link SimulatedModelServer} this process runs), so the heap read from
 * the server's {@code /metrics} is the server's alone. See {@link Soak} for what is measured.
 *
 * <p>Usage: {@code SoakDriver [sessions=1000] [minutes=10] [thinkMillis=12000] [leaveShare=0.2] [modelFirstTokenMillis=300]
 * [tokensPerSecond=60]}; the launcher is {@code ./chassis} under {@code -Dchassis.repo.dir}, its JVM options from
 * {@code CHASSIS_JAVA_OPTS}. Exit code 1 when there were errors or the sessions were not all released.
 */
public final class SoakDriver {

    private SoakDriver() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = arg(args, 0, 1000);
        int minutes = arg(args, 1, 10);
        Duration think = Duration.ofMillis(arg(args, 2, 12_000));
        double leave = args.length > 3 ? Double.parseDouble(args[3]) : 0.2;
        int firstToken = arg(args, 4, 300);
        int tokensPerSecond = arg(args, 5, 60);
        Path repo = Path.of(System.getProperty("chassis.repo.dir", ".")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("chassis-soak");
        Path log = data.resolveSibling(data.getFileName() + ".serve.log");

        boolean passed;
        try (SimulatedModelServer model = SimulatedModelServer.builder().keepRequests(0)
                .timeToFirstToken(Latency.logNormal(Duration.ofMillis(firstToken), 0.35)).tokensPerSecond(tokensPerSecond).start()) {
            Process serve = new ProcessBuilder(repo.resolve("chassis").toString(), "serve", "--port", "0", "--data", data.toString(),
                    "--model", model.modelString()).redirectErrorStream(true).start();
            try {
                Soak.Target target = started(serve, log);
                System.out.printf("Soak: chassis serve (pid %d) at %s · %d concurrent interviews for %d min · think %d ms · %.0f%% leave "
                        + "mid-interview · model first token ~%d ms at %d tokens/s · server log %s%n", serve.pid(), target.base(), sessions,
                        minutes, think.toMillis(), leave * 100, firstToken, tokensPerSecond, log);
                Soak.Result r = Soak.run(target, repo.resolve("examples/guides/onboarding-en.yaml"),
                        new Soak.Settings(sessions, Duration.ofMinutes(minutes), think, leave, Duration.ofSeconds(10)),
                        s -> System.out.printf("  %4d s · connected %d · server sessions %d · turns %d · errors %d · heap %d MB%n",
                                s.at().toSeconds(), s.connected(), s.live(), s.turns(), s.errors(), s.heapBytes() >> 20));
                report(r);
                passed = r.errors() == 0 && r.release().isPresent();
            } finally {
                serve.destroy();
                serve.waitFor(30, TimeUnit.SECONDS);
            }
        }
        System.exit(passed ? 0 : 1);
    }

    private static void report(Soak.Result r) {
        System.out.println();
        System.out.printf("sessions started %d · answers answered %d · interviews completed %d · participants who left mid-interview %d%n",
                r.started(), r.turns(), r.completed(), r.left());
        System.out.printf("errors %d%n", r.errors());
        r.errorSamples().forEach(e -> System.out.println("  error: " + e));
        System.out.printf("sessions held beyond the participants connected, at most over the samples: %d%n", r.maxUnreleased());
        System.out.printf("all participants dropped at once: every session released after %s%n",
                r.release().map(d -> d.toMillis() + " ms").orElse("NOT within " + Soak.RELEASE_WAIT.toSeconds() + " s"));
        List<String> draining = new ArrayList<>();
        for (Soak.Sample s : r.draining()) {
            draining.add(s.at().toSeconds() + " s: " + s.live());
        }
        System.out.println("  server sessions while they drained: " + String.join(", ", draining));
        List<String> floors = new ArrayList<>();
        for (long f : r.heapFloors(6)) {
            floors.add((f >> 20) + " MB");
        }
        System.out.println("server heap floor per minute (lowest used of each minute's samples): " + String.join(", ", floors));
    }

    /** Waits for the server's address and researcher token on its output, then copies the rest to the log. */
    private static Soak.Target started(Process serve, Path log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String base = null;
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            if (line.startsWith("Chassis server: ")) {
                base = line.substring("Chassis server: ".length()).strip();
            } else if (line.startsWith("Token:") && base != null) {
                String token = line.substring("Token:".length()).strip();
                Thread.ofVirtual().start(() -> copy(out, log));
                return new Soak.Target(base.replaceAll("/+$", ""), token);
            }
        }
        throw new IllegalStateException("chassis serve stopped before it printed its address and token:\n" + String.join("\n", seen));
    }

    private static void copy(BufferedReader from, Path to) {
        try (var w = Files.newBufferedWriter(to)) {
            for (String line = from.readLine(); line != null; line = from.readLine()) {
                w.write(line);
                w.newLine();
            }
        } catch (java.io.IOException e) {
            // the server ended; its output up to here is in the log
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
