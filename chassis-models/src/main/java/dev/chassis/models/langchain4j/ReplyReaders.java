package dev.chassis.models.langchain4j;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The platform threads that read {@link WireClient}'s streamed replies, one per reply in flight, kept 30 s between replies.
 * A reply arrives as many small chunks (a word or two each, a provider's pace), and a virtual thread pays for every one of
 * them on its way through the JDK's poller: a read that finds nothing, the socket armed again with the poller (a system call),
 * the poller thread woken, the virtual thread scheduled on a carrier and that carrier woken. A platform thread blocks in the
 * read itself and is woken by the kernel. Measured (TurnCpuDriver 100 3 - bare paced, two builds side by side): the JVM's
 * threads' CPU per turn 15.3 -> 10.6 ms at turn 100. The threads are few: as many as replies being read at once (tens at
 * 2,000 sessions with a turn every 15 s); a cancel closes the socket, which ends a blocked read on either kind of thread.
 */
final class ReplyReaders {

    private static final Executor READERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            r -> {
                Thread t = new Thread(r, "chassis-sse");
                t.setDaemon(true); // a reply being read never keeps the process alive
                return t;
            });

    private ReplyReaders() {
    }

    /** Runs {@code read} (a reply's whole exchange) on a reader thread. */
    static void start(Runnable read) {
        READERS.execute(read);
    }
}
