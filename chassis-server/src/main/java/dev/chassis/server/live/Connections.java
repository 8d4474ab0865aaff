package dev.chassis.server.live;

import dev.chassis.talk.channel.Frame;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections watching one interview: every frame it broadcasts goes to each, and they are closed or sent elsewhere
 * together. Thread-safe: connections come and go while a reply streams to the others.
 */
final class Connections {

    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();

    void add(Peer peer) {
        peers.add(peer);
    }

    /** Removes {@code peer}; whether it was one of them. */
    boolean remove(Peer peer) {
        return peers.remove(peer);
    }

    boolean isEmpty() {
        return peers.isEmpty();
    }

    void broadcast(Frame.Out frame) {
        for (Peer p : peers) {
            p.send(frame);
        }
    }

    /** Closes every connection with {@code code} and {@code reason} and forgets them. */
    void closeAll(int code, String reason) {
        for (Peer p : peers) {
            p.close(code, reason);
        }
        peers.clear();
    }

    /** Sends every connection to the node that took the interview over, and forgets them. */
    void handOverAll() {
        peers.forEach(Interviews::handOver);
        peers.clear();
    }
}
