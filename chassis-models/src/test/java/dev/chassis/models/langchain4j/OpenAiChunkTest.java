package dev.chassis.models.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A streamed chunk is read field by field as the server wrote it; what a reply does not need is skipped. */
class OpenAiChunkTest {

    @Test
    void a_token_chunk_gives_the_first_choices_text() throws IOException {
        OpenAiChunk c = OpenAiChunk.read("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\\\"lo \\u00e9\"},\"logprobs\":null,"
                + "\"finish_reason\":null},{\"index\":1,\"delta\":{\"content\":\"other\"}}]}");
        assertThat(c.text()).isEqualTo("Hel\"lo é");
        assertThat(c.finishReason()).isEmpty();
        assertThat(c.promptTokens()).isEqualTo(-1);
        assertThat(c.error()).isEmpty();
    }

    @Test
    void the_last_chunks_give_the_finish_reason_and_the_usage() throws IOException {
        OpenAiChunk done = OpenAiChunk.read("{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],\"usage\":null}");
        assertThat(done.text()).isEmpty();
        assertThat(done.finishReason()).isEqualTo("length");
        assertThat(done.promptTokens()).isEqualTo(-1);
        OpenAiChunk usage = OpenAiChunk.read("{\"choices\":[],\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":40,"
                + "\"total_tokens\":852,\"prompt_tokens_details\":{\"cached_tokens\":768}}}");
        assertThat(usage.promptTokens()).isEqualTo(812);
        assertThat(usage.completionTokens()).isEqualTo(40);
        assertThat(OpenAiChunk.read("{\"usage\":{\"prompt_tokens\":3}}").promptTokens()).as("one count alone is no usage").isEqualTo(-1);
    }

    @Test
    void null_or_nested_content_reads_as_no_text() throws IOException {
        assertThat(OpenAiChunk.read("{\"choices\":[{\"delta\":{\"content\":null,\"tool_calls\":[{\"id\":\"c\"}]}}]}").text()).isEmpty();
        assertThat(OpenAiChunk.read("{\"choices\":[{\"delta\":{\"content\":{\"a\":[1,2]}},\"finish_reason\":\"stop\"}]}").finishReason())
                .isEqualTo("stop");
    }

    @Test
    void an_error_in_the_stream_is_kept_whole() throws IOException {
        OpenAiChunk c = OpenAiChunk.read("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":429}}");
        assertThat(c.error()).isPresent();
        assertThat(c.error().get().path("code").asInt()).isEqualTo(429);
        assertThat(c.error().get().path("message").asText()).isEqualTo("Rate limit reached");
    }

    @Test
    void what_is_not_a_json_object_is_an_error() {
        assertThatThrownBy(() -> OpenAiChunk.read("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> OpenAiChunk.read("{\"choices\":[{\"delta\":")).isInstanceOf(IOException.class);
    }
}
