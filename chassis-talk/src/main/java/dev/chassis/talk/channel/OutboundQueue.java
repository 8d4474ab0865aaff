package dev.chassis.talk.channel;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A queue in front of a slow channel (speech synthesis, a congested socket), drained by its own
 * virtual thread. An {@link Frame.Interrupted} frame overtakes everything queued: the tokens waiting
 * are dropped and the interruption is the next frame the channel sees. Owns its thread; close it.
 */
public final class OutboundQueue implements Channel, AutoCloseable {

    private final Channel target;
    private final LinkedBlockingDeque<Frame> queue = new LinkedBlockingDeque<>();
    private final Thread thread;
    private volatile boolean closed;

    public OutboundQueue(Channel target) {
        this.target = target;
        this.thread = Thread.ofVirtual().name("outbound-queue").start(this::drain);
    }

    @Override
    public void send(Frame frame) {
        if (frame instanceof Frame.Interrupted) {
            // System frames overtake data: drop the queued reply, then put the interruption first.
            queue.removeIf(f -> f instanceof Frame.Token);
            queue.addFirst(frame);
        } else {
            queue.addLast(frame);
        }
    }

    /** Frames waiting to be delivered. */
    public int pending() {
        return queue.size();
    }

    private void drain() {
        while (!closed || !queue.isEmpty()) {
            try {
                Frame f = queue.pollFirst(50, TimeUnit.MILLISECONDS);
                if (f != null) {
                    target.send(f);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Delivers what is queued, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
