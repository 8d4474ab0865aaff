package dev.chassis.models.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The plain-HTTP path to an {@code http:} server, against a hand-written HTTP/1.1 server: replies by length and in
 * chunks, a connection kept for the next request, and a kept connection the server had closed meanwhile.
 */
class WireClientTest {

    private static final Prompt HELLO = Prompt.of(Message.system("You interview people."), Message.user("Hi"));

    private static String events(String... words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append("data: {\"choices\":[{\"delta\":{\"content\":\"").append(w).append("\"}}]}\n\n");
        }
        return b.append("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n")
                .append("data: [DONE]\n\n").toString();
    }

    @Test
    void replies_by_length_and_in_chunks_come_through_on_one_kept_connection() throws Exception {
        String sse = events("Hello", " there");
        IntFunction<String> replies = n -> n % 2 == 0
                ? "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " + sse.getBytes(StandardCharsets.UTF_8).length
                        + "\r\n\r\n" + sse
                : "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(10) + "\r\n" + sse.substring(0, 10) + "\r\n"
                        + Integer.toHexString(sse.length() - 10) + ";ext=1\r\n" + sse.substring(10) + "\r\n0\r\n\r\n";
        try (Server server = new Server(replies, false)) {
            Model model = server.model();
            for (int i = 0; i < 4; i++) {
                List<String> tokens = new CopyOnWriteArrayList<>();
                Completion c = model.stream(HELLO, Deadline.in(Duration.ofSeconds(30)), tokens::add).join();
                assertThat(c.text()).isEqualTo("Hello there");
                assertThat(c.usage().inputTokens()).isEqualTo(7);
            }
            assertThat(server.requests.get()).isEqualTo(4);
            assertThat(server.connections.get()).as("one connection kept for every request").isEqualTo(1);
            assertThat(server.bodies).allSatisfy(b -> assertThat(b).contains("\"content\":\"Hi\""));
        }
    }

    @Test
    void a_kept_connection_the_server_closed_takes_the_request_again_on_a_new_one() throws Exception {
        String sse = events("Fine");
        try (Server server = new Server(n -> "HTTP/1.1 200 OK\r\nContent-Length: " + sse.length() + "\r\n\r\n" + sse, true)) {
            Model model = server.model();
            for (int i = 0; i < 3; i++) {
                assertThat(model.stream(HELLO, Deadline.in(Duration.ofSeconds(30)), t -> { }).join().text()).isEqualTo("Fine");
            }
            assertThat(server.requests.get()).as("each request answered once").isEqualTo(3);
            assertThat(server.connections.get()).isEqualTo(3);
        }
    }

    @Test
    void an_error_status_keeps_its_retry_after() throws Exception {
        String body = "{\"error\":{\"message\":\"slow down\"}}";
        try (Server server = new Server(n -> "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body, false)) {
            Throwable t = model(server).stream(HELLO, Deadline.in(Duration.ofSeconds(30)), x -> { }).result()
                    .handle((c, e) -> e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e).join();
            assertThat(t).isInstanceOf(dev.chassis.core.model.ModelException.RateLimited.class);
            assertThat(((dev.chassis.core.model.ModelException.RateLimited) t).retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    private static Model model(Server server) {
        return server.model();
    }

    /** Answers each request with {@code reply(n)}; with {@code closeAfter} it closes the connection after each reply, saying nothing. */
    private static final class Server implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final IntFunction<String> reply;
        private final boolean closeAfter;

        Server(IntFunction<String> reply, boolean closeAfter) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.reply = reply;
            this.closeAfter = closeAfter;
            Thread.ofVirtual().start(this::accept);
        }

        Model model() {
            return ProviderModels.openAi("openai-compatible:test", Optional.of(URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1")),
                    "m", "none", "OPENAI_COMPATIBLE_API_KEY", Duration.ofSeconds(30), ProviderModels.RequestPath.WRITER);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                OutputStream out = s.getOutputStream();
                while (true) {
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    int length = 0;
                    for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                        if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(h.substring(15).strip());
                        }
                    }
                    char[] body = new char[length];
                    int read = 0;
                    while (read < length) {
                        int n = in.read(body, read, length - read); // the body is ASCII here: characters are bytes
                        if (n < 0) {
                            return;
                        }
                        read += n;
                    }
                    bodies.add(new String(body));
                    out.write(reply.apply(requests.getAndIncrement()).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (closeAfter) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
