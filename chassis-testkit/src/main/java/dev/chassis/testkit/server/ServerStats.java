package dev.chassis.testkit.server;

import java.util.Map;

/**
 * What the server has seen so far.
 *
 * @param requests           chat-completion requests received
 * @param completedStreams   streams that ended with {@code [DONE]}
 * @param closedByClient     streams the client closed before the end (cancel, timeout)
 * @param faults             how many of each fault were injected
 * @param activeStreams      streams being written now
 */
public record ServerStats(long requests, long completedStreams, long closedByClient, Map<Fault, Long> faults, long activeStreams) {

    public ServerStats {
        faults = Map.copyOf(faults);
    }
}
