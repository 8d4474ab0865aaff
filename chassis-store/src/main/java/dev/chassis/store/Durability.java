package dev.chassis.store;

/**
 * What a committed journal append must survive on embedded H2. PostgreSQL syncs its log on commit
 * whatever is chosen here.
 */
public enum Durability {

    /**
     * The process being killed ({@code kill -9}, a crash of the JVM): each commit is written into the
     * database file before it returns ({@code WRITE_DELAY=0}), where the operating system keeps it.
     */
    PROCESS_CRASH,

    /**
     * The machine losing power as well: each commit is also synced to the device, at the cost of a
     * disk flush per append (about 0.3 ms at the median on the project's machines).
     */
    POWER_LOSS
}
