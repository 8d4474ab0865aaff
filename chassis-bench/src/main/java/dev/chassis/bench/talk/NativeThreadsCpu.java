package dev.chassis.bench.talk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the process's threads by kind, read from Linux's {@code /proc/self/task}: the garbage collector's threads, the
 * JIT compilers and the rest. The JVM's own threads are invisible to {@link java.lang.management.ThreadMXBean} and to flight
 * recordings' CPU samples, so without this a profile cannot say what share of a turn's CPU is garbage collection. Counted in
 * the kernel's clock ticks (10 ms): read over a whole run, not per turn. Empty where {@code /proc} is not there.
 */
final class NativeThreadsCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private NativeThreadsCpu() {
    }

    /** CPU nanoseconds so far by kind of thread: "gc", "jit", "other". */
    static Map<String, Long> byKind() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            all.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // The name is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it.
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    out.merge(kind(name), ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: its time is gone from the process's count as well.
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** {@code after} minus {@code before}, kind by kind. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new TreeMap<>(after);
        before.forEach((k, v) -> out.merge(k, -v, Long::sum));
        return out;
    }

    private static String kind(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
            return "gc";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        return "other";
    }
}
