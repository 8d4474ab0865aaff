package dev.chassis.work.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSearchTest {

    @Test
    void the_passage_with_the_rarer_query_words_ranks_first_and_the_tool_answers_with_file_and_text(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("recruiting"));
        Files.writeString(dir.resolve("recruiting/payments.md"), """
                Participants are paid after the session.

                Payments go out by bank transfer within 30 days; a gift card on request.
                """);
        Files.writeString(dir.resolve("recruiting/screening.md"), """
                Screen out anyone who used the product in the last 30 days.

                The session takes 45 minutes.
                """);
        Files.writeString(dir.resolve("notes.bin"), "payments bank transfer");
        DocumentSearch search = new DocumentSearch(dir, Optional.empty());

        assertThat(search.search("bank transfer payments", 5)).extracting(DocumentSearch.Hit::file).containsExactly("recruiting/payments.md");
        assertThat(search.search("30 days", 5)).extracting(DocumentSearch.Hit::text)
                .containsExactly("Screen out anyone who used the product in the last 30 days.", // shorter: ranks first
                        "Payments go out by bank transfer within 30 days; a gift card on request.");
        assertThat(search.search("session", 1)).hasSize(1);

        ToolResult r = search.invoke(new ToolCall("c1", DocumentSearch.NAME, "{\"query\": \"gift card\", \"limit\": 2}"));
        JsonNode hits = new ObjectMapper().readTree(r.content());
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("file").asText()).isEqualTo("recruiting/payments.md");
        assertThat(hits.get(0).path("score").asDouble()).isPositive();
    }
}
