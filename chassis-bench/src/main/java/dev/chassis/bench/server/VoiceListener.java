package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** What the participant's side receives: when each reply's first audio came, and each reply's end and audio length. */
final class VoiceListener implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, Long> firstAudio = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Long> audioBytes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, Boolean> ended = new java.util.concurrent.ConcurrentHashMap<>();   // turn -> last
    final Map<Integer, Long> interrupted = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Integer, Long> lateBytes = new java.util.concurrent.ConcurrentHashMap<>();   // audio after the interruption
    private volatile int turn = -1;   // the reply streaming or playing
    volatile boolean over;
    final Map<Integer, String> replies = new java.util.concurrent.ConcurrentHashMap<>();   // turn -> its text, once ended

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
        text.append(d);
        if (last) {
            try {
                JsonNode m = JSON.readTree(text.toString());
                if (Boolean.getBoolean("chassis.bench.verbose") && !m.path("type").asText().equals("token")) {
                    System.out.println("    <- " + m);
                }
                switch (m.path("type").asText()) {
                    case "agent-start" -> turn = m.path("turn").asInt();
                    case "agent-end" -> {
                        replies.put(m.path("turn").asInt(), m.path("text").asText());
                        ended.put(m.path("turn").asInt(), m.path("last").asBoolean());
                    }
                    case "interrupted" -> interrupted.putIfAbsent(m.path("turn").asInt(), System.nanoTime());
                    case "done" -> over = true;
                    default -> { }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            text.setLength(0);
        }
        w.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer d, boolean last) {
        firstAudio.putIfAbsent(turn, System.nanoTime());
        if (interrupted.containsKey(turn)) {
            lateBytes.merge(turn, (long) d.remaining(), Long::sum);
        }
        audioBytes.merge(turn, (long) d.remaining(), Long::sum);
        w.request(1);
        return null;
    }

    long firstAudio(int t) {
        return firstAudio.getOrDefault(t, 0L);
    }

    long awaitFirstAudio(int t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (firstAudio(t) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no audio of reply " + t + " within 60 s");
            }
            Thread.sleep(5);
        }
        return firstAudio(t);
    }

    /** Milliseconds of reply {@code t}'s audio once it ended, -1 when the interview is over. */
    long awaitReplyEnd(int t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ended.containsKey(t)) {
            if (over || System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(20);
        }
        Thread.sleep(500);   // the last sentence's audio follows the captions' end
        return ended.get(t) ? -1 : audioBytes.getOrDefault(t, 0L) / 32;
    }

    /** Whether reply {@code t} ended (its captions), null while it streams; true when it was the interview's last. */
    Boolean ended(int t) {
        return ended.get(t);
    }

    /** Milliseconds of reply {@code t}'s audio received so far. */
    long audioMs(int t) {
        return audioBytes.getOrDefault(t, 0L) / 32;
    }
}
