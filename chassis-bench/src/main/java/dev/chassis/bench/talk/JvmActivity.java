package dev.chassis.bench.talk;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the JVM itself did over an interval: garbage collections (pauses or concurrent cycles) and just-in-time
 * compilation, so that a slow turn can be told apart as "a collection ran inside it" or not. Counts, not times: the
 * collectors' accumulated time moves in whole milliseconds, coarser than a turn. A snapshot; {@link #since} is the
 * difference to an earlier one.
 *
 * @param collections collections started (every collector, young and concurrent cycles alike)
 * @param compileMillis the JIT compilers' accumulated time, in milliseconds
 */
record JvmActivity(long collections, long compileMillis) {

    static JvmActivity now() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        var jit = ManagementFactory.getCompilationMXBean();
        return new JvmActivity(n, jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0);
    }

    JvmActivity since(JvmActivity earlier) {
        return new JvmActivity(collections - earlier.collections, compileMillis - earlier.compileMillis);
    }
}
