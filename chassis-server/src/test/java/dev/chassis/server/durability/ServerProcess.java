package dev.chassis.server.durability;

import dev.chassis.testkit.jvm.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServerMain} in a child JVM started from the test's class path; {@link #kill} is SIGKILL. A kill test
 * starts the server dozens of times, so the launcher records the classes a start loads once ({@link ChildJvm}'s
 * class archive) and every later start maps them.
 */
final class ServerProcess {

    final Process process;
    final String base;
    final String token;
    private final StringBuilder output;

    private ServerProcess(Process process, String base, String token, StringBuilder output) {
        this.process = process;
        this.base = base;
        this.token = token;
        this.output = output;
    }

    /** How to start the server: a child JVM on the test's class path, and the examples folder. */
    record Launcher(ChildJvm jvm, Path examples) {

        static Launcher prepare(Path examples) {
            return new Launcher(ChildJvm.ofTestClassPath(), examples);
        }

        /** One start that exits normally, so that the class archive exists before the first start that is killed. */
        void recordClasses(Path data, String database) throws Exception {
            Process p = ChildJvm.start(new ProcessBuilder(command(data, database, "exit")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }

        List<String> command(Path data, String database, String... extra) {
            List<String> args = new ArrayList<>(List.of(data.toString(), database, examples.toString()));
            args.addAll(List.of(extra));
            return jvm.command(List.of("-Xmx256m", "-DOPT_OUT_TRACKING=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    ServerMain.class.getName(), args.toArray(String[]::new));
        }
    }

    static ServerProcess start(Launcher launcher, Path data, String database) throws Exception {
        Process p = ChildJvm.start(new ProcessBuilder(launcher.command(data, database)).redirectErrorStream(true));
        StringBuilder output = new StringBuilder();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("server-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("ready ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // killed
            }
            ready.completeExceptionally(new AssertionError("the server exited before it was ready"));
        });
        try {
            String[] line = ready.get(120, TimeUnit.SECONDS).split(" ");
            return new ServerProcess(p, "http://127.0.0.1:" + line[1], line[2], output);
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            synchronized (output) {
                throw new AssertionError("the server did not start: " + output, e);
            }
        }
    }

    /** SIGKILL: no shutdown hook runs, the journal keeps only what it had. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What the server printed (for a failure's message). */
    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

}
