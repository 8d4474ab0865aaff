package dev.chassis.models.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.model.Intent;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.tool.ToolCall;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The writer's request is the one LangChain4j's OpenAI client sends for the same prompt, as JSON, whatever the cache holds. */
class OpenAiRequestWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Intent ASK = () -> "Ask about their last project. One question.";

    @Test
    void a_plain_conversation_is_the_request_langchain4j_sends() throws Exception {
        Prompt p = Prompt.of(Message.system("You interview people."), Message.user("Hi"));
        assertSameRequest(p);
    }

    @Test
    void a_long_conversation_with_intent_and_options_is_the_same_request_too() throws Exception {
        List<Message> messages = new ArrayList<>(List.of(Message.system("Staged: \"quotes\", back\\slash, tab\t, new\nline, \u0001 control"),
                Message.system("Digest: they said 12 hours a week")));
        for (int i = 0; i < 30; i++) {
            messages.add(Message.user("Answer " + i + ": ça dépend, 東京で働いています, مرحبا, 😀"));
            messages.add(Message.assistant("Question " + i + "?"));
        }
        messages.add(Message.user("The last words."));
        Prompt p = Prompt.of(messages).withIntent(ASK).withMaxOutputTokens(400).withTemperature(0.3);
        assertSameRequest(p);
    }

    @Test
    void a_head_is_told_the_body_s_length_and_goes_before_the_body_in_one_array() {
        OpenAiRequestWriter writer = new OpenAiRequestWriter("m");
        Prompt p = Prompt.of(Message.system("You interview people about their work."), Message.user("Ünïcödé, «quoted» and \"escaped\"."))
                .withIntent(ASK);
        byte[] body = writer.write(p);
        List<Integer> told = new ArrayList<>();
        byte[] whole = writer.write(p, length -> {
            told.add(length);
            return ("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        });
        String head = "POST /v1/chat/completions HTTP/1.1\r\nContent-Length: " + body.length + "\r\n\r\n";
        assertThat(told).containsExactly(body.length);
        assertThat(new String(whole, StandardCharsets.UTF_8)).isEqualTo(head + new String(body, StandardCharsets.UTF_8));
        assertThat(whole).hasSize(head.length() + body.length);
    }

    @Test
    void earlier_messages_come_from_the_cache_and_new_ones_are_written_afresh() throws Exception {
        OpenAiRequestWriter writer = new OpenAiRequestWriter("m");
        String staged = "You interview people about their work.";
        Prompt first = Prompt.of(Message.system(staged), Message.user("I teach.")).withIntent(ASK);
        Prompt second = Prompt.of(Message.system(staged), Message.user("I teach."), Message.assistant("What do you teach?"),
                Message.user("Physics, mostly.")).withIntent(ASK);
        assertThat(writer.write(first)).isEqualTo(writer.write(first));
        JsonNode body = JSON.readTree(writer.write(second));
        assertThat(body).isEqualTo(JSON.readTree(langChain4jBody(second, "m")));
        assertThat(body.path("messages").get(3).path("content").asText()).isEqualTo("Physics, mostly.");
        // The same text in another role is that role's message, not the cached one.
        JsonNode asSystem = JSON.readTree(writer.write(Prompt.of(Message.system("I teach."))));
        assertThat(asSystem.path("messages").get(0).path("role").asText()).isEqualTo("system");
    }

    @Test
    void tools_and_tool_messages_are_left_to_langchain4j() {
        assertThat(OpenAiRequestWriter.writes(Prompt.of(Message.user("hi")))).isTrue();
        assertThat(OpenAiRequestWriter.writes(Prompt.of(Message.user("hi"),
                Message.assistant("", List.of(new ToolCall("c1", "search", "{}")))))).isFalse();
    }

    private static void assertSameRequest(Prompt p) throws Exception {
        byte[] ours = new OpenAiRequestWriter("gpt-test").write(p);
        assertThat(JSON.readTree(ours)).isEqualTo(JSON.readTree(langChain4jBody(p, "gpt-test")));
        assertThat(new String(ours, StandardCharsets.UTF_8)).doesNotContain("\n  "); // compact
    }

    /** What LangChain4j's OpenAI client would POST for the prompt, caught before it leaves. */
    private static String langChain4jBody(Prompt p, String model) {
        AtomicReference<String> body = new AtomicReference<>();
        HttpClient catching = new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                body.set(request.body());
            }
        };
        HttpClientBuilder builder = new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration timeout) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public HttpClientBuilder readTimeout(Duration timeout) {
                return this;
            }

            @Override
            public HttpClient build() {
                return catching;
            }
        };
        OpenAiStreamingChatModel lc4j = OpenAiStreamingChatModel.builder().httpClientBuilder(builder).apiKey("k").modelName(model).build();
        lc4j.chat(Conversions.request(p), new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
            }

            @Override
            public void onError(Throwable error) {
            }
        });
        return body.get();
    }
}
