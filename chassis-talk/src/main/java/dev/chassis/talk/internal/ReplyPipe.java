package dev.chassis.talk.internal;

import dev.chassis.core.model.TokenListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way a reply reaches the person. Keeps order when a deadline bridge speaks first (the
 * model's tokens wait behind it and follow with a space), records exactly what was delivered, and
 * stops for good on an interruption: nothing is delivered after {@link #stop()} returns.
 */
final class ReplyPipe {

    private final TokenListener out;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock.
    private final StringBuilder delivered = new StringBuilder();
    private final StringBuilder bridge = new StringBuilder();
    private final List<String> held = new ArrayList<>();
    private boolean bridging;
    private boolean stopped;
    private boolean separatorPending;
    private long firstNanos = -1;
    private boolean firstFromBridge;

    ReplyPipe(TokenListener out) {
        this.out = out;
    }

    /** Delivers a token of the reply, or holds it while the bridge is speaking. False once stopped. */
    boolean reply(String token) {
        lock.lock();
        try {
            if (stopped) {
                return false;
            }
            if (bridging) {
                held.add(token);
                return true;
            }
            emit(token, false);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Starts the bridge, if nothing has been delivered yet; false when too late (the reply began). */
    boolean beginBridge() {
        lock.lock();
        try {
            if (stopped || !delivered.isEmpty()) {
                return false;
            }
            bridging = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void bridge(String token) {
        lock.lock();
        try {
            if (!stopped && bridging) {
                bridge.append(token);
                emit(token, true);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends the bridge and lets the reply's held tokens through, after a space. */
    void endBridge() {
        lock.lock();
        try {
            if (!bridging) {
                return;
            }
            bridging = false;
            separatorPending = !bridge.isEmpty();
            for (String t : held) {
                if (stopped) {
                    break;
                }
                emit(t, false);
            }
            held.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Stops delivery for good; returns what was delivered. */
    String stop() {
        lock.lock();
        try {
            stopped = true;
            held.clear();
            return delivered.toString();
        } finally {
            lock.unlock();
        }
    }

    boolean nothingDelivered() {
        lock.lock();
        try {
            return delivered.isEmpty() && !bridging;
        } finally {
            lock.unlock();
        }
    }

    String delivered() {
        lock.lock();
        try {
            return delivered.toString();
        } finally {
            lock.unlock();
        }
    }

    String bridgeText() {
        lock.lock();
        try {
            return bridge.toString();
        } finally {
            lock.unlock();
        }
    }

    /** Whether any reply (not bridge) text was delivered. */
    boolean replyStarted() {
        lock.lock();
        try {
            return delivered.length() > bridge.length();
        } finally {
            lock.unlock();
        }
    }

    long firstNanos() {
        lock.lock();
        try {
            return firstNanos;
        } finally {
            lock.unlock();
        }
    }

    boolean firstFromBridge() {
        lock.lock();
        try {
            return firstFromBridge;
        } finally {
            lock.unlock();
        }
    }

    private void emit(String token, boolean fromBridge) {
        if (token.isEmpty()) {
            return;
        }
        if (!fromBridge && separatorPending) {
            separatorPending = false;
            if (!Character.isWhitespace(token.charAt(0)) && !delivered.isEmpty()
                    && !Character.isWhitespace(delivered.charAt(delivered.length() - 1))) {
                delivered.append(' ');
                out.onToken(" ");
            }
        }
        if (firstNanos < 0) {
            firstNanos = System.nanoTime();
            firstFromBridge = fromBridge;
        }
        delivered.append(token);
        out.onToken(token);
    }
}
