package dev.chassis.bench.model;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback OpenAI-protocol server that marks the moment it has read a request's whole body: the
 * end of what a person waits for before the model can start. Each reply begins with that moment
 * ({@code [wire <System.nanoTime()>]}, also in the {@code x-wire-read-at} header), so a client in
 * the same process learns exactly when its own request arrived, even with thousands in flight.
 * HTTP/1.1 with keep-alive, a platform thread per connection (so its CPU time can be counted and
 * subtracted from the process's), streamed (SSE, chunked) or plain JSON replies, optional pacing.
 */
public final class WireServer implements AutoCloseable {

    private static final Pattern STAMP = Pattern.compile("\\[wire (\\d+)]");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALL_THREADS = (com.sun.management.ThreadMXBean) THREADS;
    private static final byte[] STREAM = "\"stream\"".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final String reply;
    private final long firstTokenNanos;
    private final long tokenNanos;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong cpu = new AtomicLong();
    private volatile byte[] lastBody = new byte[0];
    private volatile long lastReadAt;
    private volatile long lastProcessCpuAtRead;
    private volatile long lastReadCpu;
    private volatile long lastWokeAt;
    private volatile Schedstat lastReadWait = Schedstat.NONE;
    private volatile Runnable atRead;
    private volatile boolean closed;

    private WireServer(String reply, long firstTokenNanos, long tokenNanos) throws IOException {
        this.socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        this.reply = reply;
        this.firstTokenNanos = firstTokenNanos;
        this.tokenNanos = tokenNanos;
        Thread.ofPlatform().daemon().name("wire-accept").start(this::accept);
    }

    /** Answers at once: everything measured is client, transport and the server's read. */
    public static WireServer instant(String reply) throws IOException {
        return new WireServer(reply, 0, 0);
    }

    /** Answers after {@code firstTokenMillis}, then a word every {@code 1/tokensPerSecond} s. */
    public static WireServer paced(String reply, long firstTokenMillis, double tokensPerSecond) throws IOException {
        return new WireServer(reply, firstTokenMillis * 1_000_000L, (long) (1e9 / tokensPerSecond));
    }

    /** The moment ({@link System#nanoTime()}) the server had read the request that produced {@code replyText}. */
    public static long readAt(String replyText) {
        return stamp(replyText).orElseThrow(() -> new IllegalStateException("reply carries no read stamp: " + replyText));
    }

    /** The read stamp in a reply, or empty when the reply did not come from this server (a fallback's). */
    public static java.util.OptionalLong stamp(String replyText) {
        Matcher m = STAMP.matcher(replyText);
        return m.find() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
    }

    /** The engine string that points Chassis's {@code openai-compatible:} engine here. */
    public String modelString() {
        return "openai-compatible:" + baseUrl() + "#wire";
    }

    /** The body of the latest request, byte for byte, to replay with another client. */
    public byte[] lastBody() {
        return lastBody;
    }

    public long lastReadAt() {
        return lastReadAt;
    }

    public long requests() {
        return requests.get();
    }

    /** The whole process's CPU time when the latest request had been read (an {@link #instant} server only). */
    public long lastProcessCpuAtRead() {
        return lastProcessCpuAtRead;
    }

    /**
     * The moment ({@link System#nanoTime()}) the server's thread had the latest request's first bytes in hand: from the
     * client's write to this is the wake-up of the server's thread (a core had to be free for it), from this to
     * {@link #lastReadAt} its reading. Kept only while {@link #trace} is set.
     */
    public long lastWokeAt() {
        return lastWokeAt;
    }

    /** The kernel's account of the server's thread while it waited for the latest request: its queued time is time runnable without a core. */
    public Schedstat lastReadWait() {
        return lastReadWait;
    }

    /**
     * Traces each request: its first bytes' moment, the server thread's schedstat, and {@code atRead} run on the server's
     * thread right after the read is stamped (what the rest of the process did until then). For a run that looks at its
     * slow turns; it costs the server's thread some 0.1 ms a request after the stamp.
     */
    public void trace(Runnable atRead) {
        this.atRead = atRead;
    }

    /** CPU time the server's thread spent reading (and parsing the headers of) the latest request. */
    public long lastReadCpu() {
        return lastReadCpu;
    }

    /**
     * The CPU time of all the process's live platform threads (virtual threads run on them), to the
     * nanosecond: the operating system's process total moves in 10 ms ticks, too coarse for one turn.
     */
    public static long processCpuNanos() {
        long sum = 0;
        for (long t : ALL_THREADS.getThreadCpuTime(ALL_THREADS.getAllThreadIds())) {
            sum += Math.max(0, t);
        }
        return sum;
    }

    /**
     * The operating system's CPU time for the whole process, native threads included (the ONNX runtime's, which
     * {@link #processCpuNanos} does not see); it moves in 10 ms ticks, so it is read over many turns.
     */
    public static long osProcessCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time the server's threads spent reading and answering, to subtract from the process's. */
    public long cpuNanos() {
        return cpu.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true);
                Thread.ofPlatform().daemon().name("wire-conn").start(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("wire server: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024); OutputStream out = s.getOutputStream()) {
            while (true) {
                Runnable traced = atRead;
                Schedstat before = traced == null ? Schedstat.NONE : Schedstat.self();
                long wokeAt = 0;
                if (traced != null) {
                    in.mark(1);
                    if (in.read() < 0) {
                        return;
                    }
                    wokeAt = System.nanoTime();
                    in.reset();
                }
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                byte[] body = readRequest(in);
                if (body == null) {
                    return;
                }
                long readAt = System.nanoTime();
                if (traced != null) {
                    lastReadWait = Schedstat.self().minus(before);
                    lastWokeAt = wokeAt;
                    traced.run();
                }
                long cpuAtRead = THREADS.getCurrentThreadCpuTime();
                long processCpu = firstTokenNanos == 0 ? processCpuNanos() : 0; // one turn at a time: costly with thousands of threads
                lastBody = body;
                lastReadCpu = cpuAtRead - cpuStart;
                lastProcessCpuAtRead = processCpu;
                lastReadAt = readAt;
                requests.incrementAndGet();
                cpu.addAndGet(cpuAtRead - cpuStart);
                answer(out, streamed(body), readAt);
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuAtRead);
            }
        } catch (IOException e) {
            // The client closed its connection (a cancelled stream, or the end of the run).
        }
    }

    /** Reads one request's headers and whole body (Content-Length or chunked); null at the end of the connection. */
    private static byte[] readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        long length = 0;
        boolean chunked = false;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            return in.readNBytes((int) length);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16); size > 0;
                size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            readLine(in);
        }
        for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
            // trailers are not used
        }
        return body.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private void answer(OutputStream out, boolean stream, long readAt) throws IOException {
        String text = "[wire " + readAt + "] " + reply;
        if (!stream) {
            byte[] json = ("{\"id\":\"wire\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"wire\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
            pause(firstTokenNanos);
            out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-wire-read-at: " + readAt + "\r\ncontent-length: "
                    + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            return;
        }
        out.write(("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nx-wire-read-at: " + readAt
                + "\r\ntransfer-encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        pause(firstTokenNanos);
        String[] words = text.split("(?<= )");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                pause(tokenNanos);
            }
            chunk(out, "{\"id\":\"wire\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"wire\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{" + (i == 0 ? "\"role\":\"assistant\"," : "") + "\"content\":\"" + words[i] + "\"},\"finish_reason\":null}]}");
        }
        chunk(out, "{\"id\":\"wire\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"wire\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":" + words.length
                + ",\"total_tokens\":" + (words.length + 1) + "}}");
        chunk(out, "[DONE]");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] event = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(event);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    /** Whether the body asks for a stream: {@code "stream"}, optional spaces, a colon, optional spaces, {@code true}. */
    private static boolean streamed(byte[] body) {
        outer:
        for (int i = 0; i <= body.length - STREAM.length; i++) {
            for (int j = 0; j < STREAM.length; j++) {
                if (body[i + j] != STREAM[j]) {
                    continue outer;
                }
            }
            int k = i + STREAM.length;
            while (k < body.length && (body[k] == ' ' || body[k] == ':' || body[k] == '\n' || body[k] == '\r' || body[k] == '\t')) {
                k++;
            }
            return k + 4 <= body.length && body[k] == 't' && body[k + 1] == 'r' && body[k + 2] == 'u' && body[k + 3] == 'e';
        }
        return false;
    }
}
