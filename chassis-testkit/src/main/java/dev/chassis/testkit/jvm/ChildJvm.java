package dev.chassis.testkit.jvm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How a test starts a child JVM on its own class path, quickly: a kill test starts dozens, and each spent most of its
 * seconds loading and verifying the same classes. The class path's folders are packed into jars once per test JVM (class
 * data sharing archives only classes from jars), and every child maps one dynamic class archive: the first child that
 * exits (halting included) writes it, the others start from it. A child started with an archive written for another
 * class path or JDK ignores it and writes it again, so the archive never changes what a child does, only how soon.
 *
 * <p>No child outlives the test JVM: {@link #start} destroys what is still running when the test JVM exits, and every
 * child runs under {@link ChildMain}, which halts it when the test JVM is gone without exiting (killed, say).
 *
 * <p>Thread-safe; children started at the same time may both write the archive (the JVM validates it before use).
 */
public final class ChildJvm {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "child-jvm-reaper"));
    }

    private static ChildJvm shared;

    private final String classPath;
    private final Path archive;

    private ChildJvm(String classPath, Path archive) {
        this.classPath = classPath;
        this.archive = archive;
    }

    /** The test JVM's class path, packed once (into a temporary folder removed when the test JVM exits). */
    public static synchronized ChildJvm ofTestClassPath() {
        if (shared == null) {
            try {
                Path work = Files.createTempDirectory("chassis-child-jvm");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work)));
                shared = packed(System.getProperty("java.class.path"), work);
            } catch (IOException e) {
                throw new UncheckedIOException("could not pack the test class path for child JVMs", e);
            }
        }
        return shared;
    }

    /** {@code classPath} with each folder on it packed into a jar under {@code work}, the archive beside them. */
    static ChildJvm packed(String classPath, Path work) throws IOException {
        Files.createDirectories(work);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String e : classPath.split(File.pathSeparator)) {
            Path p = Path.of(e);
            entries.add(Files.isDirectory(p) ? jar(p, work.resolve("classes-" + n++ + ".jar")).toString() : e);
        }
        return new ChildJvm(String.join(File.pathSeparator, entries), work.resolve("classes.jsa"));
    }

    /** Starts {@code builder}'s process, which is destroyed when the test JVM exits if it still runs then. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        RUNNING.add(p);
        p.onExit().thenRun(() -> RUNNING.remove(p));
        return p;
    }

    /** The class path the children run on (jars only). */
    public String classPath() {
        return classPath;
    }

    /**
     * The command that runs {@code mainClass} with {@code args} in a child JVM of the test's JDK: the class archive, the
     * client compiler and the serial collector (a short-lived child's quickest start), then {@code options}; the child
     * halts when this JVM is gone ({@link ChildMain}).
     */
    public List<String> command(List<String> options, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", classPath, ChildMain.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Path jar(Path dir, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(dir)).sorted()::iterator) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (Files.isDirectory(f)) {   // folder entries too: resource scanners (Flyway's) look folders up
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = Files.newInputStream(f)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it up if this cannot
        }
    }
}
