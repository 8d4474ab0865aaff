package dev.chassis.server.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * {@link ServerMain} in a child JVM started from the test's class path; {@link #kill} is SIGKILL. A kill test
 * starts the server dozens of times, so the launcher records the classes a start loads once (class data
 * sharing, which needs jars: the class folders on the path are packed first) and every later start maps them.
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

    /** How to start the server: the class path (folders packed into jars under {@code work}) and the class archive. */
    record Launcher(String classPath, Path archive, Path examples) {

        static Launcher prepare(Path work, Path examples) throws IOException {
            Files.createDirectories(work);
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(e);
                entries.add(Files.isDirectory(p) ? jar(p, work.resolve("classes-" + n++ + ".jar")).toString() : e);
            }
            return new Launcher(String.join(java.io.File.pathSeparator, entries), work.resolve("server.jsa"), examples);
        }

        private static Path jar(Path dir, Path jar) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(dir))::iterator) {
                    String name = dir.relativize(f).toString().replace('\\', '/');
                    if (Files.isDirectory(f)) { // folder entries too: resource scanners (Flyway's) look folders up
                        out.putNextEntry(new JarEntry(name + "/"));
                    } else {
                        out.putNextEntry(new JarEntry(name));
                        try (var in = Files.newInputStream(f)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            return jar;
        }

        /** One start that exits normally, recording the classes it loaded for the starts after it. */
        void recordClasses(Path data, String database) throws Exception {
            Process p = new ProcessBuilder(command(data, database, "-XX:ArchiveClassesAtExit=" + archive, "exit"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }

        List<String> command(Path data, String database, String archiveFlag, String... extra) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), archiveFlag,
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-DOPT_OUT_TRACKING=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", classPath, ServerMain.class.getName(), data.toString(), database, examples.toString()));
            cmd.addAll(List.of(extra));
            return cmd;
        }
    }

    static ServerProcess start(Launcher launcher, Path data, String database) throws Exception {
        String archive = Files.isRegularFile(launcher.archive()) ? "-XX:SharedArchiveFile=" + launcher.archive() : "-Xshare:auto";
        Process p = new ProcessBuilder(launcher.command(data, database, archive)).redirectErrorStream(true).start();
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
