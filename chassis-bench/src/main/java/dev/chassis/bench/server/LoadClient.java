package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One simulated participant on a WebSocket: consents, then answers each question after a think time,
 * until the interviewer wraps up; records the time from sending an answer to the first token back. One
 * told to leave after some answers goes away mid-interview instead, as a closed tab or a lost network does
 * (alternately a close message and a connection simply dropped).
 */
final class LoadClient implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What all clients report to. */
    record Totals(ConcurrentLinkedQueue<Long> firstTokenNanos, AtomicLong turns, AtomicLong errors, AtomicLong completed,
                  ConcurrentLinkedQueue<String> errorSamples, AtomicLong left) {

        static Totals empty() {
            return new Totals(new ConcurrentLinkedQueue<>(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new ConcurrentLinkedQueue<>(),
                    new AtomicLong());
        }
    }

    private final List<String> answers;
    private final Duration think;
    private final ScheduledExecutorService timer;
    private final Totals totals;
    private final Consumer<LoadClient> onDone;
    private final int leaveAfter;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile long sentAt;
    private volatile boolean firstSeen = true;
    private volatile boolean closed;
    private int answer;
    private int answered;

    /** @param leaveAfter answers after which this participant goes away without finishing; 0 to stay to the end */
    LoadClient(List<String> answers, Duration think, ScheduledExecutorService timer, Totals totals, int leaveAfter, Consumer<LoadClient> onDone) {
        this.answers = answers;
        this.leaveAfter = leaveAfter;
        this.think = think;
        this.timer = timer;
        this.totals = totals;
        this.onDone = onDone;
        this.answer = ThreadLocalRandom.current().nextInt(answers.size());
    }

    void connect(HttpClient http, String wsUrl) {
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(URI.create(wsUrl), this)
                .whenComplete((ws, e) -> {
                    if (e != null) {
                        error("connect: " + e.getMessage());
                        onDone.accept(this);
                    }
                });
    }

    @Override
    public void onOpen(WebSocket ws) {
        this.socket = ws;
        if (closed) {
            // ended (dropped at the end of a soak) while connecting: end() saw no socket to close, so close it here, or the
            // server rightly keeps a participant connected that the run counts as gone
            ws.abort();
            return;
        }
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            handle(text);
        }
        ws.request(1);
        return null;
    }

    private void handle(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (Exception e) {
            error("unreadable message");
            return;
        }
        switch (m.path("type").asText()) {
            case "hello" -> send("{\"type\":\"start\"}");
            case "token" -> {
                if (!firstSeen && sentAt != 0) {
                    firstSeen = true;
                    totals.firstTokenNanos().add(System.nanoTime() - sentAt);
                }
            }
            case "agent-end" -> {
                totals.turns().incrementAndGet();
                if (!m.path("last").asBoolean()) {
                    long jitter = (long) (think.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble()));
                    timer.schedule(this::say, jitter, TimeUnit.MILLISECONDS);
                }
            }
            case "done" -> {
                totals.completed().incrementAndGet();
                close();
            }
            case "error" -> error(m.path("message").asText());
            default -> { }
        }
    }

    private void say() {
        if (closed) {
            return;
        }
        if (leaveAfter > 0 && answered++ == leaveAfter) {
            leave();
            return;
        }
        String text = answers.get(answer++ % answers.size());
        firstSeen = false;
        sentAt = System.nanoTime();
        send("{\"type\":\"say\",\"text\":" + quote(text) + "}");
    }

    private void send(String json) {
        WebSocket ws = socket;
        if (ws != null && !closed) {
            ws.sendText(json, true).exceptionally(e -> {
                error("send: " + e.getMessage());
                return null;
            });
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        if (!closed) {
            error("closed by the server: " + status + " " + reason);
            closed = true;
            onDone.accept(this);
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable e) {
        if (!closed) {
            error("socket: " + e.getMessage());
            closed = true;
            onDone.accept(this);
        }
    }

    /** Ends this participant's connection (the interview finished, or the run is over). */
    void close() {
        end(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }

    /** Goes away mid-interview: every other one says goodbye with a close message, the rest just drop the connection. */
    private void leave() {
        totals.left().incrementAndGet();
        end(ws -> {
            if (leaveAfter % 2 == 0) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "tab closed");
            } else {
                ws.abort();
            }
        });
    }

    /** Drops the connection without a close message (the end of a soak: every participant vanishes at once). */
    void drop() {
        end(WebSocket::abort);
    }

    private void end(Consumer<WebSocket> how) {
        if (closed) {
            return;
        }
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            how.accept(ws);
        }
        onDone.accept(this);
    }

    boolean isClosed() {
        return closed;
    }

    private void error(String what) {
        totals.errors().incrementAndGet();
        if (totals.errorSamples().size() < 20) {
            totals.errorSamples().add(what);
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
