package dev.chassis.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.chassis.core.text.Words;
import dev.chassis.core.token.Tokenizer;
import dev.chassis.core.token.Tokenizers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/** Serves chat completions the way OpenAI does, with the builder's latency and faults. */
final class CompletionsHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tokenizer TOKENIZER = Tokenizers.defaultTokenizer();

    private final long seed;
    private final String modelName;
    private final Latency timeToFirstToken;
    private final Latency interToken;
    private final Duration retryAfter;
    private final Map<Fault, Double> faultRates;
    private final List<ScriptedReply> script;
    private final Function<RecordedRequest, ScriptedReply> fallback;

    // The newest requests only, so a load test of hours does not keep every prompt it ever sent.
    private final java.util.ArrayDeque<RecordedRequest> requests = new java.util.ArrayDeque<>();
    private final int keep;
    private final boolean exactUsage;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong closedByClient = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final CountDownLatch closing = new CountDownLatch(1);

    CompletionsHandler(SimulatedModelServer.Builder b) {
        this.seed = b.seed;
        this.modelName = b.modelName;
        this.timeToFirstToken = b.timeToFirstToken;
        this.interToken = b.interToken;
        this.retryAfter = b.retryAfter;
        this.faultRates = new EnumMap<>(b.faultRates);
        this.script = b.scriptCopy();
        this.fallback = b.fallback;
        this.keep = b.keepRequests;
        this.exactUsage = b.exactUsage;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
    }

    String modelName() {
        return modelName;
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    ServerStats stats() {
        Map<Fault, Long> faults = new EnumMap<>(Fault.class);
        injected.forEach((f, n) -> faults.put(f, n.get()));
        return new ServerStats(sequence.get(), completed.get(), closedByClient.get(), faults, active.get());
    }

    void close() {
        closing.countDown();
    }

    void models(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        body.putArray("data").addObject().put("id", modelName).put("object", "model").put("owned_by", "chassis-testkit");
        respond(exchange, 200, body.toString());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, error("use POST", "invalid_request_error"));
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody());
            } catch (IOException e) {
                respond(exchange, 400, error("body is not JSON: " + e.getMessage(), "invalid_request_error"));
                return;
            }
            RecordedRequest request = new RecordedRequest(exchange.getRequestURI().getPath(), body);
            long seq = sequence.getAndIncrement();
            synchronized (requests) {
                requests.addLast(request);
                while (requests.size() > keep) {
                    requests.removeFirst();
                }
            }
            SplittableRandom random = new SplittableRandom(seed * 31 + seq * 0x9E3779B97F4A7C15L);
            ScriptedReply reply = seq < script.size() ? script.get((int) seq) : fallback.apply(request);
            Fault fault = reply.fault().orElseGet(() -> draw(random));
            if (fault != null) {
                injected.get(fault).incrementAndGet();
            }
            serve(exchange, request, reply, fault, random);
        } catch (IOException e) {
            closedByClient.incrementAndGet();
        }
    }

    private void serve(HttpExchange exchange, RecordedRequest request, ScriptedReply reply, Fault fault, SplittableRandom random)
            throws IOException {
        if (fault == Fault.HANG) {
            try {
                closing.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (fault == Fault.RATE_LIMITED) {
            long seconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            respond(exchange, 429, error("Rate limit reached for requests", "rate_limit_exceeded"));
            return;
        }
        if (fault == Fault.SERVER_ERROR) {
            respond(exchange, 500, error("The server had an error while processing your request.", "server_error"));
            return;
        }
        pause(reply.timeToFirstToken().orElse(timeToFirstToken).sample(random));
        if (request.stream()) {
            stream(exchange, request, reply, fault, random);
        } else {
            respond(exchange, 200, whole(request, reply));
        }
    }

    private void stream(HttpExchange exchange, RecordedRequest request, ScriptedReply reply, Fault fault, SplittableRandom random)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        active.incrementAndGet();
        try {
            OutputStream out = exchange.getResponseBody();
            List<String> tokens = Words.tokens(reply.text());
            int cut = fault == Fault.DROP_MID_STREAM || fault == Fault.MALFORMED_CHUNK ? Math.max(1, tokens.size() / 2) : Integer.MAX_VALUE;
            for (int i = 0; i < tokens.size(); i++) {
                if (i == cut) {
                    if (fault == Fault.MALFORMED_CHUNK) {
                        send(out, "data: {\"id\":\"chatcmpl-sim\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"oops\n\n");
                    }
                    return; // ends the response without [DONE]
                }
                if (i > 0) {
                    pause(interToken.sample(random));
                }
                ObjectNode delta = JSON.createObjectNode();
                if (i == 0) {
                    delta.put("role", "assistant");
                }
                delta.put("content", tokens.get(i));
                send(out, "data: " + chunk(delta, null) + "\n\n");
            }
            streamToolCalls(out, reply);
            String finish = reply.toolCalls().isEmpty() ? "stop" : "tool_calls";
            send(out, "data: " + chunk(JSON.createObjectNode(), finish) + "\n\n");
            if (request.body().path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode usage = base();
                usage.putArray("choices");
                usage.set("usage", usage(request, tokens.size()));
                send(out, "data: " + usage + "\n\n");
            }
            send(out, "data: [DONE]\n\n");
            completed.incrementAndGet();
        } finally {
            active.decrementAndGet();
        }
    }

    private void streamToolCalls(OutputStream out, ScriptedReply reply) throws IOException {
        int index = 0;
        for (ScriptedReply.ToolCallReply call : reply.toolCalls()) {
            ObjectNode delta = JSON.createObjectNode();
            ObjectNode tc = delta.putArray("tool_calls").addObject();
            tc.put("index", index).put("id", "call_" + (index + 1)).put("type", "function");
            tc.putObject("function").put("name", call.name()).put("arguments", "");
            send(out, "data: " + chunk(delta, null) + "\n\n");
            String args = call.argumentsJson();
            int half = args.length() / 2;
            for (String part : new String[] {args.substring(0, half), args.substring(half)}) {
                ObjectNode d = JSON.createObjectNode();
                d.putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", part);
                send(out, "data: " + chunk(d, null) + "\n\n");
            }
            index++;
        }
    }

    private String whole(RecordedRequest request, ScriptedReply reply) {
        ObjectNode body = base().put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.toolCalls().isEmpty()) {
            message.put("content", reply.text());
        } else {
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            int i = 0;
            for (ScriptedReply.ToolCallReply c : reply.toolCalls()) {
                ObjectNode tc = calls.addObject().put("id", "call_" + (++i)).put("type", "function");
                tc.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            }
        }
        choice.put("finish_reason", reply.toolCalls().isEmpty() ? "stop" : "tool_calls");
        body.set("usage", usage(request, Words.tokens(reply.text()).size()));
        completed.incrementAndGet();
        return body.toString();
    }

    private ObjectNode base() {
        return JSON.createObjectNode().put("id", "chatcmpl-sim").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000L).put("model", modelName);
    }

    private String chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = base();
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return c.toString();
    }

    private ObjectNode usage(RecordedRequest request, int completionTokens) {
        int prompt = 0;
        for (String text : request.messageTexts()) {
            // Exact counting costs as much as the harness's whole turn; load tests estimate (about 4 characters a token).
            prompt += (exactUsage ? TOKENIZER.count(text) : text.length() / 4) + 4;
        }
        return JSON.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completionTokens)
                .put("total_tokens", prompt + completionTokens);
    }

    private Fault draw(SplittableRandom random) {
        if (faultRates.isEmpty()) {
            return null;
        }
        double x = random.nextDouble();
        double acc = 0;
        for (Map.Entry<Fault, Double> e : faultRates.entrySet()) {
            acc += e.getValue();
            if (x < acc) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String error(String message, String type) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return body.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(Duration d) {
        if (!d.isZero()) {
            LockSupport.parkNanos(d.toNanos());
        }
    }
}
