package dev.chassis.server.durability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One participant answering over the WebSocket, across server restarts. Remembers every turn the server
 * confirmed (its {@code agent-end} arrived) and, on each reconnect, checks the server's transcript still
 * has them; a confirmed wrap-up must come back as a finished interview that takes no further answer.
 */
final class Participant {

    static final List<String> ANSWERS = List.of(
            "Every morning I brew a pot of coffee from fresh beans, one big cup before anything else.",
            "That first cup of coffee is my quiet moment in the morning, before work starts.",
            "I walk to the bus stop and take the bus to work, the commute is about half an hour.",
            "On sunny days I ride the bike instead of the bus, then the commute to work is quicker.",
            "I think that covers my mornings, the coffee and the commute.");
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

    /** A turn the server confirmed: the answer before it ({@code null} for the opening) and the reply as sent. */
    record Confirmed(int turn, String answer, String reply) { }

    final String sessionId;
    private final String token;
    private final Random random;
    final List<Confirmed> confirmed = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    volatile boolean wrappedUp;     // the wrap-up was confirmed
    volatile boolean finished;      // the server said the interview is over (done), after a confirmed wrap-up or on reconnect
    volatile boolean checked;       // the last reconnect's transcript was checked
    volatile boolean refusedAfterEnd;
    private volatile int verifiedCount;
    private volatile WebSocket socket;
    private volatile String lastAnswer;
    private volatile int answers;

    private final AtomicInteger confirmations;

    /** @param confirmations counts every confirmation any participant receives (the test kills after some of them) */
    Participant(String sessionId, String token, long seed, AtomicInteger confirmations) {
        this.sessionId = sessionId;
        this.token = token;
        this.random = new Random(seed);
        this.confirmations = confirmations;
    }

    /** Whether it still has something to do against a server: answers to give, or a confirmed wrap-up to check. */
    boolean active() {
        return !finished || (wrappedUp && !refusedAfterEnd);
    }

    /** Turns checked after restarts so far. */
    int verified() {
        return verifiedCount;
    }

    void connect(String base) {
        checked = false;
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60))
                    .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/p/" + token), new Listener()).join();
        } catch (RuntimeException e) {
            problems.add("could not connect: " + e.getMessage());
        }
    }

    /** The server was killed: forget the connection (the next connect is to the restarted server). */
    void drop() {
        WebSocket s = socket;
        if (s != null) {
            s.abort();
        }
        socket = null;
    }

    private void send(Map<String, Object> message) {
        WebSocket s = socket;
        if (s != null) {
            s.sendText(Json.write(message), true).exceptionally(e -> null);
        }
    }

    private void answer() {
        String text = ANSWERS.get(Math.min(answers, ANSWERS.size() - 1));
        answers++;
        lastAnswer = text;
        LATER.schedule(() -> send(Map.of("type", "say", "text", text)), random.nextInt(25), TimeUnit.MILLISECONDS);
    }

    private void onMessage(JsonNode m) {
        switch (m.path("type").asText()) {
            case "hello" -> {
                check(m);
                if (m.path("done").asBoolean()) {
                    finished = true;
                    if (wrappedUp) {
                        send(Map.of("type", "say", "text", "Hello? One more thing."));
                    }
                } else if (!m.path("started").asBoolean()) {
                    send(Map.of("type", "start"));
                } else {
                    answer();
                }
            }
            case "agent-end" -> {
                int turn = m.path("turn").asInt();
                if (m.path("cutOff").asBoolean()) {
                    problems.add("turn " + turn + " was cut off without an interruption");
                    return;
                }
                confirmed.add(new Confirmed(turn, turn == 0 ? null : lastAnswer, m.path("text").asText()));
                confirmations.incrementAndGet();
                if (m.path("last").asBoolean()) {
                    wrappedUp = true;
                } else {
                    answer();
                }
            }
            case "agent-start" -> {
                if (finished) {
                    problems.add("the interviewer spoke again (turn " + m.path("turn").asInt() + ") after its confirmed wrap-up");
                }
            }
            case "done" -> finished = true;
            case "error" -> {
                if (finished && wrappedUp && m.path("message").asText().contains("ended")) {
                    refusedAfterEnd = true;
                } else {
                    problems.add("error from the server: " + m.path("message").asText());
                }
            }
            default -> {
                // tokens, thinking, pong
            }
        }
    }

    /** Every confirmed turn is in the transcript the server resumed from its journal. */
    private void check(JsonNode hello) {
        List<String> lines = new ArrayList<>();
        for (JsonNode l : hello.path("transcript")) {
            lines.add(l.path("turn").asInt() + "|" + l.path("speaker").asText() + "|" + l.path("text").asText());
        }
        int ok = 0;
        for (Confirmed c : confirmed) {
            if (!lines.contains(c.turn() + "|interviewer|" + c.reply())) {
                problems.add("lost the confirmed reply of turn " + c.turn() + ": " + c.reply() + " (the transcript has: "
                        + lines.stream().filter(l -> l.startsWith(c.turn() + "|")).toList() + ", done " + hello.path("done") + ")");
            } else if (c.answer() != null && !lines.contains(c.turn() + "|participant|" + c.answer())) {
                problems.add("lost the confirmed answer of turn " + c.turn() + ": " + c.answer());
            } else {
                ok++;
            }
        }
        if (wrappedUp && !hello.path("done").asBoolean()) {
            problems.add("the confirmed wrap-up came back as an interview still going");
        }
        verifiedCount = ok;
        checked = true;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    onMessage(Json.MAPPER.readTree(partial.toString()));
                } catch (IOException e) {
                    problems.add("not JSON: " + partial);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
