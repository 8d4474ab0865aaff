package dev.chassis.core.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The process's one timer thread, for every deadline and budget that only flips a flag, cancels a call or starts a thread:
 * a generation's reply timeout, a turn's first-token deadline, a monitor's budget. One thread rather than one per module,
 * because a thread sleeping on its queue is woken whenever a task earlier than all of its own is added, and a turn adds two
 * right after its request is written (its generation's deadline, then its first-token deadline): on two queues that woke
 * two threads each turn, competing for the cores just as the request is being read; on one, the second comes while the
 * thread woken for the first is still waking, and wakes nobody. Tasks cancelled are taken out of
 * the queue at once (an ended generation's deadline must not keep the generation reachable). Never shut down; tasks must
 * be short and must not block.
 */
public final class Timers {

    private static final ScheduledThreadPoolExecutor SHARED = create();

    private Timers() {
    }

    /** The shared timer. */
    public static ScheduledExecutorService shared() {
        return SHARED;
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "chassis-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
