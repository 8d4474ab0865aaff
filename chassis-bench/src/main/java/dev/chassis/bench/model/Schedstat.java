package dev.chassis.bench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kernel's own account of a thread's time (Linux {@code /proc/.../schedstat}): nanoseconds on a CPU and nanoseconds
 * runnable but waiting for one. The second is what no JVM counter shows: how long a thread that had work was kept off
 * the cores by others, which is what makes a turn slow on a busy two-core machine without any of its own code being
 * slow. Every thread of the process is seen, native ones (the ONNX runtime's, the JIT's, the collector's) included.
 * Where {@code /proc} is not there, every reading is zero.
 *
 * @param run nanoseconds on a CPU
 * @param queued nanoseconds runnable, waiting for a CPU
 */
public record Schedstat(long run, long queued) {

    private static final Path SELF = Path.of("/proc/thread-self/schedstat");
    private static final Path TASKS = Path.of("/proc/self/task");
    static final Schedstat NONE = new Schedstat(0, 0);

    /** The calling thread's. */
    public static Schedstat self() {
        return read(SELF);
    }

    public Schedstat minus(Schedstat earlier) {
        return new Schedstat(run - earlier.run, queued - earlier.queued);
    }

    /** Every thread of the process at one moment, by the kernel's id, with its name (15 characters at most). */
    public record Tasks(Map<Integer, Named> byId) {

        /** A thread's name and times. */
        public record Named(String name, Schedstat times) { }

        /** What each thread ran (and waited) since {@code earlier}, largest run first; threads that did not run are left out. */
        public List<Named> since(Tasks earlier) {
            List<Named> out = new ArrayList<>();
            byId.forEach((id, now) -> {
                Named before = earlier.byId.get(id);
                Schedstat d = before == null ? now.times() : now.times().minus(before.times());
                if (d.run() > 0 || d.queued() > 0) {
                    out.add(new Named(now.name(), d));
                }
            });
            out.sort(Comparator.comparingLong((Named n) -> n.times().run()).reversed());
            return out;
        }
    }

    /** Every thread of the process now (about 1-2 ms with a hundred threads: read it outside what is timed). */
    public static Tasks tasks() {
        Map<Integer, Tasks.Named> out = new HashMap<>();
        try (Stream<Path> ids = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) ids::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    out.put(Integer.parseInt(task.getFileName().toString()), new Tasks.Named(name, read(task.resolve("schedstat"))));
                } catch (IOException | NumberFormatException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException noProc) {
            return new Tasks(Map.of());
        }
        return new Tasks(out);
    }

    private static Schedstat read(Path p) {
        try {
            String[] f = Files.readString(p).strip().split(" ");
            return new Schedstat(Long.parseLong(f[0]), Long.parseLong(f[1]));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }
}
