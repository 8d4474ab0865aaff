package dev.chassis.bench.talk;

import dev.chassis.bench.model.Schedstat;
import dev.chassis.bench.model.WireServer;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.time.Deadline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a chassis turn's wall time went, one line a turn, to tell a slow turn from a median one
 * ({@code -Dchassis.bench.trace=FILE} on {@link WireTurnDriver}), in microseconds from the turn's start: the moments the
 * engine was handed the prompt, returned with the request written, the server's thread had its first bytes and had read
 * it all; the kernel's account of the turn's thread (from just before the clock starts to the write) and of the server's
 * (while it waited for the request): time on a CPU and time runnable without one; whether a collection or compilation ran;
 * and every other thread of the process that ran between just before the clock started and the read, with its time on a
 * CPU and waiting (the turn's own thread is {@code java}, the JIT's {@code C2 CompilerThre}, virtual threads' carriers
 * {@code ForkJoinPool-1-worker-N}). The process's threads are read before the clock starts and on the server's thread
 * after its stamp; what the trace adds inside the timed interval is one read of the turn thread's own times after the write.
 */
final class TurnTrace implements AutoCloseable {

    private final WireServer server;
    private final PrintWriter out;
    private volatile boolean armed;
    private volatile Schedstat.Tasks atRead;
    private Schedstat.Tasks before;
    private Schedstat mainBefore;
    private volatile long enteredAt;
    private volatile long writtenAt;
    private volatile Schedstat mainAtWrite;

    private TurnTrace(WireServer server, Path file) throws IOException {
        this.server = server;
        this.out = new PrintWriter(Files.newBufferedWriter(file));
        out.println("session,turn,wall_us,handover_us,written_us,woke_us,read_us,main_run_us,main_wait_us,server_wait_us,"
                + "collections,jit_ms,others_run_us,others_wait_us,others");
        server.trace(() -> {
            if (armed) {
                armed = false;
                atRead = Schedstat.tasks();
            }
        });
    }

    /** A trace to the file named by {@code chassis.bench.trace}, when it is set. */
    static Optional<TurnTrace> fromProperty(WireServer server) throws IOException {
        String file = System.getProperty("chassis.bench.trace");
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(new TurnTrace(server, Path.of(file)));
    }

    /** The engine, stamping the hand-over and the return of {@code stream} (the request written on a kept connection). */
    Model stamped(Model engine) {
        return new Model() {
            @Override
            public String name() {
                return engine.name();
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                enteredAt = System.nanoTime();
                Generation g = engine.stream(prompt, deadline, listener);
                writtenAt = System.nanoTime();
                mainAtWrite = Schedstat.self();
                return g;
            }
        };
    }

    /** Before the turn's clock starts. */
    void before() {
        before = Schedstat.tasks();
        mainBefore = Schedstat.self();
        atRead = null;
        armed = true;
    }

    /** After the turn: one line. */
    void after(int session, int turn, long t0, long wall, JvmActivity jvm) {
        Schedstat.Tasks read = atRead;
        Schedstat main = (mainAtWrite == null ? Schedstat.self() : mainAtWrite).minus(mainBefore);
        long serverWait = server.lastReadWait().queued();
        List<Schedstat.Tasks.Named> others = read == null ? List.of()
                : read.since(before).stream().filter(n -> !n.name().equals("java") && !n.name().equals("wire-conn")).toList();
        long othersRun = others.stream().mapToLong(n -> n.times().run()).sum();
        long othersWait = others.stream().mapToLong(n -> n.times().queued()).sum();
        String named = others.stream().limit(6)
                .map(n -> n.name().replace(',', ' ') + ":" + n.times().run() / 1000 + "/" + n.times().queued() / 1000)
                .collect(Collectors.joining(" "));
        out.printf("%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s%n", session, turn, wall / 1000, (enteredAt - t0) / 1000,
                (writtenAt - t0) / 1000, (server.lastWokeAt() - t0) / 1000, (server.lastReadAt() - t0) / 1000,
                main.run() / 1000, main.queued() / 1000, serverWait / 1000, jvm.collections(), jvm.compileMillis(),
                othersRun / 1000, othersWait / 1000, named);
        mainAtWrite = null;
    }

    @Override
    public void close() {
        out.close();
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("the trace could not be written"));
        }
    }
}
