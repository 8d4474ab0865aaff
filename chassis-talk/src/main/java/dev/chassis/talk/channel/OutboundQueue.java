package dev.chassis.talk.channel;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * A queue in front of a slow channel (speech synthesis, a congested socket), drained by its own
 * virtual thread. An {@link Frame.Interrupted} frame overtakes everything queued: the {@link Frame.Out#droppable()
 * droppable} frames waiting (the reply's tokens) are dropped and the interruption is the next frame the channel sees.
 * {@link #send} never blocks. Owns its thread, which waits without polling; close it. Thread-safe.
 */
public final class OutboundQueue implements Channel, AutoCloseable {

    /** Put last by {@link #close()}: the thread stops when it reaches it. */
    private static final Object END = new Object();

    private final Channel target;
    private final LinkedBlockingDeque<Object> queue = new LinkedBlockingDeque<>();
    private final Thread thread;
    private volatile boolean closed;

    public OutboundQueue(Channel target) {
        this(target, "outbound-queue");
    }

    public OutboundQueue(Channel target, String name) {
        this.target = target;
        this.thread = Thread.ofVirtual().name(name).start(this::drain);
    }

    /** Queues a frame; after {@link #close()} it is dropped. */
    @Override
    public void send(Frame.Out frame) {
        if (closed) {
            return;
        }
        if (frame instanceof Frame.Interrupted) {
            // System frames overtake data: drop the queued reply, then put the interruption first.
            queue.removeIf(f -> f instanceof Frame.Out o && o.droppable());
            queue.addFirst(frame);
        } else {
            queue.addLast(frame);
        }
    }

    /** Frames waiting to be delivered. */
    public int pending() {
        return (int) queue.stream().filter(f -> f != END).count();
    }

    private void drain() {
        try {
            for (Object f = queue.takeFirst(); f != END; f = queue.takeFirst()) {
                try {
                    target.send((Frame.Out) f);
                } catch (RuntimeException e) {
                    // the channel's own failure (a closed socket) must not stop the frames behind it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers what is queued (waiting up to 5 s), then stops the thread; later frames are dropped. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.addLast(END);
        }
        if (Thread.currentThread() == thread) {
            return;   // the channel closed its own queue from inside a send: the thread stops at END
        }
        try {
            if (!thread.join(Duration.ofSeconds(5))) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
