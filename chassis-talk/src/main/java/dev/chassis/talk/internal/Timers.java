package dev.chassis.talk.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One timer thread for every session's deadlines and monitor budgets: tasks only flip flags or start
 * virtual threads, so one daemon thread serves thousands of sessions.
 */
final class Timers {

    static final ScheduledThreadPoolExecutor TIMER = create();

    private Timers() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "chassis-talk-timer");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
