package dev.chassis.models.langchain4j;

import dev.chassis.core.model.StreamingGeneration;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Predicate;

/**
 * Plain HTTP/1.1 for the request writer's streamed requests to a server reached directly over {@code http:} (a model
 * served on the machine or the network: Ollama, vLLM, llama.cpp, the benchmarks' loopback server). On a kept-alive
 * connection the caller's own thread writes the request, head and body in one write, so it is on the wire when
 * {@link #stream} returns: no hand-off to another thread before the wire, none of the JDK client's asynchronous stages
 * (a profile at 600 sessions put 14% of the process's CPU in them); the reply is read on a platform thread ({@link ReplyReaders}:
 * a virtual thread cost more CPU for every chunk of a streamed reply). A new
 * connection is opened and written on that thread, so a server that does not answer never holds the caller.
 * {@code https:} and proxied addresses stay on the JDK client ({@link ChassisHttpClient}), whose TLS and proxy
 * handling this does not repeat. Thread-safe.
 */
final class WireClient {

    /** Idle connections older than this are not reused: servers close theirs after a while (uvicorn after 5 s). */
    private static final long IDLE_NANOS = Duration.ofSeconds(4).toNanos();
    private static final int MAX_IDLE = 4096;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final byte[] head;
    private final int readTimeoutMillis;
    private final Predicate<ServerSentEvent> finalEvent;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();
    private static final Object CLOSED = new Object();

    private WireClient(URI url, Map<String, String> headers, Duration readTimeout, Predicate<ServerSentEvent> finalEvent) {
        this.host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        this.port = url.getPort() < 0 ? 80 : url.getPort();
        StringBuilder h = new StringBuilder("POST ").append(url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        if (url.getRawQuery() != null) {
            h.append('?').append(url.getRawQuery());
        }
        h.append(" HTTP/1.1\r\nHost: ").append(url.getHost()).append(url.getPort() < 0 ? "" : ":" + url.getPort()).append("\r\n");
        headers.forEach((name, value) -> h.append(name).append(": ").append(value).append("\r\n"));
        this.head = h.append("Content-Length: ").toString().getBytes(StandardCharsets.UTF_8);
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
        this.finalEvent = finalEvent;
    }

    /** A client for {@code url} when it is plain {@code http:} reached without a proxy; otherwise none (use the JDK client). */
    static java.util.Optional<WireClient> forDirect(URI url, Map<String, String> headers, Duration readTimeout,
                                                    Predicate<ServerSentEvent> finalEvent) {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            return java.util.Optional.empty();
        }
        ProxySelector proxies = ProxySelector.getDefault();
        List<Proxy> route = proxies == null ? List.of(Proxy.NO_PROXY) : proxies.select(url);
        if (!route.isEmpty() && route.getFirst().type() != Proxy.Type.DIRECT) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WireClient(url, headers, readTimeout, finalEvent));
    }

    /**
     * POSTs {@code request} ({@link #head} then the body) and streams the reply's events to {@code listener} through
     * {@code parser}, tied to {@code generation}: it hears when the request is on the wire, and a cancel closes the connection.
     */
    void stream(byte[] request, StreamingGeneration generation, ServerSentEventParser parser, ServerSentEventListener listener) {
        generation.sendsOnWire();
        Object lease = new Object(); // what a cancel may close: this exchange's connection, never one released since
        Connection kept = take(lease);
        if (kept != null && request.length <= kept.sendBuffer) {
            try {
                kept.write(request); // an idle connection's buffer is empty: this does not block
                generation.onWire();
                ChassisHttpClient.countSent(false);
            } catch (IOException stale) {
                kept.close();
                kept = null;
            }
        } else if (kept != null) {
            release(kept, lease);
            kept = null;
        }
        Connection written = kept;
        ReplyReaders.start(() -> exchange(written, lease, request, generation, parser, listener));
    }

    private void exchange(Connection written, Object lease, byte[] request, StreamingGeneration generation, ServerSentEventParser parser,
                          ServerSentEventListener listener) {
        Connection c = written;
        Response response = null;
        try {
            if (c != null) {
                Connection first = c;
                generation.onCancel(() -> first.closeIf(lease));
                response = headOrStale(c);
            }
            // A kept connection the server had closed takes the request once more on a new one (nothing was answered);
            // a kept one taken here is tried likewise, a new one's silence is an error.
            while (response == null) {
                closeQuietly(c);
                if (generation.isStopped()) {
                    return;
                }
                Connection kept = take(lease);
                c = kept != null ? kept : connect(lease);
                Connection attempt = c;
                generation.onCancel(() -> attempt.closeIf(lease));
                try {
                    c.write(request);
                } catch (IOException e) {
                    if (kept == null) {
                        throw e;
                    }
                    continue;
                }
                generation.onWire();
                ChassisHttpClient.countSent(true);
                response = kept != null ? headOrStale(c) : c.readHead();
                if (response == null && kept == null) {
                    throw new IOException("the model server closed the connection without answering");
                }
            }
        } catch (SocketTimeoutException e) {
            closeQuietly(c);
            listener.onError(new HttpTimeoutException("no answer from the model server within " + readTimeoutMillis + " ms"));
            return;
        } catch (IOException | RuntimeException e) {
            closeQuietly(c);
            listener.onError(e);
            return;
        }
        Connection open = c;
        try (InputStream in = open.body(response, () -> release(open, lease))) {
            ChassisHttpClient.read(response.status(), response.headers(), in, parser, listener, finalEvent);
        } catch (IOException e) {
            // closing the body: the connection is released or closed by then
        }
    }

    /** The reply's head on a kept connection, or null when the server had closed it (ended or reset before any byte). */
    private static Response headOrStale(Connection c) throws IOException {
        try {
            return c.readHead();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (java.net.SocketException e) {
            return null;
        }
    }

    /** The request's head for a body of {@code bodyLength} bytes; {@link #stream} takes the head and the body in one array. */
    byte[] head(int bodyLength) {
        byte[] length = (bodyLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + length.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(length, 0, out, head.length, length.length);
        return out;
    }

    private Connection take(Object lease) {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            idleCount.decrementAndGet();
            if (System.nanoTime() - c.idleSince < IDLE_NANOS) {
                c.owner.set(lease);
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Back to the idle ones, unless a cancel has closed it meanwhile. */
    private void release(Connection c, Object lease) {
        if (!c.owner.compareAndSet(lease, null)) {
            return;
        }
        c.idleSince = System.nanoTime();
        // The most recent goes first and is taken first; the oldest, at the other end, are closed once too old to be taken.
        for (Connection old = idle.peekLast(); old != null && System.nanoTime() - old.idleSince >= IDLE_NANOS; old = idle.peekLast()) {
            if (idle.removeLastOccurrence(old)) {
                idleCount.decrementAndGet();
                old.close();
            }
        }
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offerFirst(c);
        } else {
            idleCount.decrementAndGet();
            c.close();
        }
    }

    private Connection connect(Object lease) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            s.setSoTimeout(readTimeoutMillis);
            Connection c = new Connection(s);
            c.owner.set(lease);
            return c;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    /** A reply's status and headers (names in lower case); an HTTP/1.1 reply keeps its connection unless it says otherwise. */
    record Response(int status, Map<String, List<String>> headers, boolean http11) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** One kept-alive connection. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final int sendBuffer;
        /** The exchange using it (its lease), null while idle, {@link #CLOSED} once a cancel closed it. */
        private final java.util.concurrent.atomic.AtomicReference<Object> owner = new java.util.concurrent.atomic.AtomicReference<>();
        private volatile long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
            this.sendBuffer = socket.getSendBufferSize();
        }

        void write(byte[] request) throws IOException {
            out.write(request);
            out.flush();
        }

        /** The status line and headers, skipping interim (1xx) replies; null when the connection ends before the first byte. */
        Response readHead() throws IOException {
            while (true) {
                String status = HttpLines.line(in);
                if (status == null) {
                    return null;
                }
                String[] parts = status.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                    throw new IOException("not an HTTP/1.1 reply from the model server: " + HttpLines.brief(status));
                }
                int code;
                try {
                    code = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IOException("no status code in the model server's reply: " + HttpLines.brief(status));
                }
                Map<String, List<String>> headers = HttpLines.headers(in);
                if (code >= 200) {
                    return new Response(code, headers, parts[0].equals("HTTP/1.1"));
                }
            }
        }

        /** The reply's body; {@code done} runs when it has been read to its end and closed, leaving the connection reusable. */
        InputStream body(Response r, Runnable done) {
            String chunked = r.header("transfer-encoding");
            String length = r.header("content-length");
            boolean keep = r.http11() && !"close".equalsIgnoreCase(r.header("connection"));
            if (chunked != null && chunked.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                return new HttpLines.Chunked(in, keep ? done : this::close, this::close);
            }
            if (length != null) {
                return new HttpLines.Limited(in, Long.parseLong(length.strip()), keep ? done : this::close, this::close);
            }
            return new HttpLines.Limited(in, Long.MAX_VALUE, this::close, this::close); // to the end of the connection
        }

        /** Closes it if {@code lease}'s exchange still has it (a cancel arriving after the reply was released closes nothing). */
        void closeIf(Object lease) {
            if (owner.compareAndSet(lease, CLOSED)) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we give up: it is gone either way
            }
        }
    }
}
