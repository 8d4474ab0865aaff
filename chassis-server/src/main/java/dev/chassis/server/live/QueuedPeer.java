package dev.chassis.server.live;

import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.channel.OutboundQueue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection whose frames wait in its own {@link OutboundQueue} and go out one at a time, each once the one before
 * was written: the model's token callbacks never wait for the socket, frames reach it in order, and while a slow
 * connection lags an interruption overtakes the reply's tokens still queued (they are dropped). A connection that
 * takes longer than {@link #WRITE_TIMEOUT} to take one frame is closed; the page connects again. Thread-safe.
 */
final class QueuedPeer implements Peer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QueuedPeer.class);

    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    static final int TOO_SLOW_CLOSE = 1011;

    /** The socket under a peer. */
    interface Wire {
        /** Sends one text message; completes once it was written (or failed because the connection closed). */
        CompletableFuture<Void> send(String text);

        /** Sends one binary message, likewise. */
        CompletableFuture<Void> send(byte[] data);

        /** Closes the connection; an already closed one ignores it. */
        void close(int code, String reason);
    }

    private final Wire wire;
    private final OutboundQueue queue;
    private volatile boolean broken;
    private volatile boolean gone;

    QueuedPeer(String name, Wire wire) {
        this.wire = wire;
        this.queue = new OutboundQueue(this::write, name);
    }

    @Override
    public void send(Frame.Out frame) {
        queue.send(frame);
    }

    private void write(Frame.Out frame) {
        if (broken) {
            return;
        }
        try {
            long start = System.nanoTime();
            CompletableFuture<Void> written = frame instanceof Frame.AudioOut a ? wire.send(WireFrames.encodeAudio(a))
                    : wire.send(WireFrames.encode(frame));
            written.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame instanceof Frame.Interrupted && LOG.isDebugEnabled()) {
                LOG.debug("interruption: its write began at {} and took {} ms", start, (System.nanoTime() - start) / 1_000_000.0);
            }
        } catch (TimeoutException e) {
            broken = true;
            wire.close(TOO_SLOW_CLOSE, "the connection took too long to receive the interview; trying again shortly");
        } catch (ExecutionException e) {
            // the connection closed while sending: its close handler follows
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the connection after the frames sent before it went out. */
    @Override
    public void close(int code, String reason) {
        queue.close();
        wire.close(code, reason);
    }

    /** The connection closed: the queue's thread stops. */
    void gone() {
        gone = true;
        queue.close();
    }

    @Override
    public boolean closed() {
        return gone;
    }
}
