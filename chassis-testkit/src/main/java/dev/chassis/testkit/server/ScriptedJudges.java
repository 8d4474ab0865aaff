package dev.chassis.testkit.server;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Scripted judges for the talk harness's model-backed monitors, as the server's {@code otherwise}: a request
 * whose system message begins {@code Monitor: <name>.} (coverage, emotion, contradiction) gets that monitor's
 * scripted reply, in order, the last one repeated; any other request (the interviewer's own) gets the fallback.
 * A scripted reply can be late ({@link ScriptedReply#withTimeToFirstToken}), a fault or text that is not JSON,
 * to test that the lexical verdict then stands. Counts the questions each monitor asked. Thread-safe.
 *
 * <pre>{@code
 * ScriptedJudges judges = ScriptedJudges.otherwise(r -> ScriptedReply.text("Tell me more."))
 *         .judge("emotion", ScriptedReply.text("{\"moment\": true, \"valence\": -0.8, \"intensity\": 0.8, \"quote\": \"we buried her\"}"));
 * SimulatedModelServer server = SimulatedModelServer.builder().otherwise(judges).start();
 * }</pre>
 */
public final class ScriptedJudges implements Function<RecordedRequest, ScriptedReply> {

    private final Function<RecordedRequest, ScriptedReply> otherwise;
    private final Map<String, List<ScriptedReply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    private ScriptedJudges(Function<RecordedRequest, ScriptedReply> otherwise) {
        this.otherwise = otherwise;
    }

    /** Judges with nothing scripted yet; requests that are not a monitor's get {@code fallback}. */
    public static ScriptedJudges otherwise(Function<RecordedRequest, ScriptedReply> fallback) {
        return new ScriptedJudges(Objects.requireNonNull(fallback, "fallback"));
    }

    /** What {@code monitor}'s judge answers, one reply per question in order, the last one repeated. */
    public ScriptedJudges judge(String monitor, ScriptedReply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("script at least one reply for the " + monitor + " judge");
        }
        scripts.put(monitor, new CopyOnWriteArrayList<>(List.of(replies)));
        return this;
    }

    /** The monitor a request is from, or empty for any other request. */
    public static Optional<String> monitorOf(RecordedRequest r) {
        List<String> roles = r.roles();
        List<String> texts = r.messageTexts();
        if (roles.isEmpty() || !roles.getFirst().equals("system") || !texts.getFirst().startsWith("Monitor: ")) {
            return Optional.empty();
        }
        String rest = texts.getFirst().substring("Monitor: ".length());
        int dot = rest.indexOf('.');
        return dot > 0 ? Optional.of(rest.substring(0, dot)) : Optional.empty();
    }

    /** How many questions {@code monitor}'s judge was asked. */
    public int asked(String monitor) {
        AtomicInteger n = asked.get(monitor);
        return n == null ? 0 : n.get();
    }

    @Override
    public ScriptedReply apply(RecordedRequest r) {
        Optional<String> monitor = monitorOf(r);
        if (monitor.isEmpty()) {
            return otherwise.apply(r);
        }
        int n = asked.computeIfAbsent(monitor.get(), m -> new AtomicInteger()).getAndIncrement();
        List<ScriptedReply> script = scripts.get(monitor.get());
        if (script == null) {
            return ScriptedReply.fault(Fault.SERVER_ERROR); // an unscripted judge fails, so its lexical verdict stands
        }
        return script.get(Math.min(n, script.size() - 1));
    }
}
