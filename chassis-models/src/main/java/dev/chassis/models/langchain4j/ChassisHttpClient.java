package dev.chassis.models.langchain4j;

import dev.chassis.core.model.StreamingGeneration;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * LangChain4j's HTTP client interface on the JDK client, with three things the stock client lacks:
 * errors keep the Retry-After header; a stream that ends before its protocol's final event is an
 * error, not a silently short reply; and a cancelled generation closes its connection at once,
 * even before the first token. Thread-safe.
 */
final class ChassisHttpClient implements HttpClient {

    // Reading a stream blocks; a virtual thread per stream lets thousands run at once.
    private static final java.util.concurrent.Executor STREAM_READERS = r -> Thread.ofVirtual().name("chassis-sse").start(r);
    // Counted for the benchmarks: bodies of bytes sent, and how many of them a thread other than the sender's took to write.
    private static final java.util.concurrent.atomic.LongAdder SENT = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder HANDED_OFF = new java.util.concurrent.atomic.LongAdder();

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final Predicate<ServerSentEvent> finalEvent;

    private ChassisHttpClient(java.net.http.HttpClient jdk, Duration readTimeout, Predicate<ServerSentEvent> finalEvent) {
        this.jdk = jdk;
        this.readTimeout = readTimeout;
        this.finalEvent = finalEvent;
    }

    /** OpenAI's protocol ends a stream with {@code data: [DONE]}. */
    static final Predicate<ServerSentEvent> OPENAI_DONE = e -> "[DONE]".equals(e.data() == null ? null : e.data().trim());
    /** Anthropic's ends with a {@code message_stop} event. */
    static final Predicate<ServerSentEvent> ANTHROPIC_STOP = e -> "message_stop".equals(e.event());
    /** Providers without a final event marker. */
    static final Predicate<ServerSentEvent> NO_FINAL_EVENT = null;

    static Builder builder(Predicate<ServerSentEvent> finalEvent) {
        return new Builder(finalEvent);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        try {
            HttpResponse<String> r = jdk.send(jdkRequest(request, Optional.empty()), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) {
                throw new HttpStatusException(r.statusCode(), r.body(), HttpStatusException.parseRetryAfter(r.headers().firstValue("retry-after")));
            }
            return SuccessfulHttpResponse.builder().statusCode(r.statusCode()).headers(r.headers().map()).body(r.body()).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Optional<StreamingGeneration> generation = CallScope.current();
        send(jdkRequest(request, generation), generation, parser, listener);
    }

    /** Streams a POST whose body is already bytes (the OpenAI request writer's), tied to {@code generation} for cancellation. */
    void stream(URI url, java.util.Map<String, String> headers, byte[] body, StreamingGeneration generation, ServerSentEventParser parser,
                ServerSentEventListener listener) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(url).timeout(readTimeout);
        headers.forEach(b::header);
        send(b.POST(watched(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body), Optional.of(generation), true)).build(),
                Optional.of(generation), parser, listener);
    }

    /** Counts a request of bytes sent by another client ({@link WireClient}): whether a thread other than the caller's wrote it. */
    static void countSent(boolean handedOff) {
        SENT.increment();
        if (handedOff) {
            HANDED_OFF.increment();
        }
    }

    /** Requests sent with a body of bytes, and how many of those bodies another thread than the sender's took (a hand-off before the wire). */
    static long[] sentAndHandedOff() {
        return new long[] {SENT.sum(), HANDED_OFF.sum()};
    }

    /**
     * The body, watched. With {@code count}, whether a thread other than the sender's takes it (a hand-off before the wire)
     * is counted. With a generation, it hears that its request is on the wire once the client has taken the body's last
     * bytes: what the turn starts behind the request (monitors, indexing) waits for that, so as not to compete with sending.
     */
    private static java.net.http.HttpRequest.BodyPublisher watched(java.net.http.HttpRequest.BodyPublisher body,
                                                                   Optional<StreamingGeneration> generation, boolean count) {
        if (generation.isEmpty() && !count) {
            return body;
        }
        Thread sender = Thread.currentThread();
        if (count) {
            SENT.increment();
        }
        generation.ifPresent(StreamingGeneration::sendsOnWire);
        return new java.net.http.HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                if (count && Thread.currentThread() != sender) {
                    HANDED_OFF.increment();
                }
                body.subscribe(generation.isEmpty() ? subscriber : new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscriber.onSubscribe(subscription);
                    }

                    @Override
                    public void onNext(java.nio.ByteBuffer item) {
                        subscriber.onNext(item);
                    }

                    @Override
                    public void onError(Throwable error) {
                        subscriber.onError(error);
                    }

                    @Override
                    public void onComplete() {
                        subscriber.onComplete();
                        generation.get().onWire();
                    }
                });
            }
        };
    }

    private void send(java.net.http.HttpRequest jdkRequest, Optional<StreamingGeneration> generation, ServerSentEventParser parser,
                      ServerSentEventListener listener) {
        AtomicReference<InputStream> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<InputStream>> call = jdk.sendAsync(jdkRequest, HttpResponse.BodyHandlers.ofInputStream());
        generation.ifPresent(g -> g.onCancel(() -> {
            call.cancel(true);
            closeQuietly(body.get());
        }));
        call.whenCompleteAsync((response, error) -> {
            if (error != null) {
                listener.onError(error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error);
                return;
            }
            body.set(response.body());
            if (generation.isPresent() && generation.get().isStopped()) {
                closeQuietly(response.body());
                return;
            }
            stream(response, parser, listener);
        }, STREAM_READERS);
    }

    private void stream(HttpResponse<InputStream> response, ServerSentEventParser parser, ServerSentEventListener listener) {
        read(response.statusCode(), response.headers().map(), response.body(), parser, listener, finalEvent);
    }

    /**
     * Reads a reply's body: a status other than 2xx is an error with the body's text and the Retry-After header; a stream
     * that ends before {@code finalEvent} (when there is one) is an error too. Closes {@code body}. Shared with {@link WireClient}.
     */
    static void read(int status, java.util.Map<String, java.util.List<String>> headers, InputStream body, ServerSentEventParser parser,
                     ServerSentEventListener listener, Predicate<ServerSentEvent> finalEvent) {
        try (InputStream in = body) {
            if (status / 100 != 2) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                java.util.List<String> retry = headers.get("retry-after");
                listener.onError(new HttpStatusException(status, text,
                        HttpStatusException.parseRetryAfter(retry == null ? Optional.empty() : retry.stream().findFirst())));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(status).headers(headers).build());
            FinalEventTracker tracker = new FinalEventTracker(listener, finalEvent);
            parser.parse(in, tracker);
            if (tracker.failed) {
                return;
            }
            if (finalEvent != null && !tracker.sawFinal && !tracker.cancelled) {
                listener.onError(new StreamTruncatedException("the server closed the stream before its final event"));
                return;
            }
            listener.onClose();
        } catch (IOException | RuntimeException e) {
            listener.onError(e);
        }
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request, Optional<StreamingGeneration> generation) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        java.net.http.HttpRequest.BodyPublisher publisher = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : watched(java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8), generation, false);
        b.method(request.method().name(), publisher);
        return b.build();
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Closing a stream we abandon; the connection is gone either way.
            }
        }
    }

    /** Passes events through and remembers whether the final one came and whether parsing failed. */
    private static final class FinalEventTracker implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final Predicate<ServerSentEvent> finalEvent;
        boolean sawFinal;
        boolean failed;
        boolean cancelled;

        FinalEventTracker(ServerSentEventListener delegate, Predicate<ServerSentEvent> finalEvent) {
            this.delegate = delegate;
            this.finalEvent = finalEvent;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (finalEvent != null && finalEvent.test(event)) {
                sawFinal = true;
            }
            delegate.onEvent(event, context);
            if (context != null && context.parsingHandle() != null && context.parsingHandle().isCancelled()) {
                cancelled = true;
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, null);
        }

        @Override
        public void onError(Throwable throwable) {
            failed = true;
            delegate.onError(throwable);
        }
    }

    /** LangChain4j's builder interface for this client. */
    static final class Builder implements HttpClientBuilder {
        private final Predicate<ServerSentEvent> finalEvent;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);

        private Builder(Predicate<ServerSentEvent> finalEvent) {
            this.finalEvent = finalEvent;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public ChassisHttpClient build() {
            java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .build();
            return new ChassisHttpClient(jdk, readTimeout, finalEvent);
        }
    }
}
