package dev.chassis.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A participant's WebSocket for tests: sends messages and waits for the server's by a predicate. */
final class WsClient implements AutoCloseable {

    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private int binary;
    /** The close code the server sent, once it closed the connection. */
    final java.util.concurrent.CompletableFuture<Integer> closedWith = new java.util.concurrent.CompletableFuture<>();

    WsClient(String base, String token) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/p/" + token), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            if (System.getenv("WS_DEBUG") != null) System.err.println("WS " + partial);
                            received.add(stamped(TestServer.read(partial.toString())));
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
                        // audio: told in order with the text messages, as {"type":"audio","bytes":n} per piece
                        binary += data.remaining();
                        if (last) {
                            received.add(stamped(TestServer.read("{\"type\":\"audio\",\"bytes\":" + binary + "}")));
                            binary = 0;
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closedWith.complete(code);
                        return null;
                    }
                }).join();
    }

    /** The message with the {@link System#nanoTime()} it arrived at, as {@code receivedNanos}. */
    private static JsonNode stamped(JsonNode m) {
        if (m instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.put("receivedNanos", System.nanoTime());
        }
        return m;
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Sends one binary message (audio). */
    void send(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    /** The first message matching {@code p}, skipping others; fails after {@code seconds}. */
    JsonNode await(Predicate<JsonNode> p, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            JsonNode m = received.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && p.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no matching message within " + seconds + " s");
    }

    static Predicate<JsonNode> type(String t) {
        return m -> m.path("type").asText().equals(t);
    }

    /** Drops the connection without a closing handshake, as a network failure does. */
    void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed() && !closedWith.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
