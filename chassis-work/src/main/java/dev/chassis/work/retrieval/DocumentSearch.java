package dev.chassis.work.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chassis.core.embed.Embedder;
import dev.chassis.core.embed.Vectors;
import dev.chassis.core.text.Bm25Index;
import dev.chassis.core.text.Words;
import dev.chassis.core.tool.Tool;
import dev.chassis.core.tool.ToolCall;
import dev.chassis.core.tool.ToolResult;
import dev.chassis.core.tool.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code search_documents(query)}: the passages of a folder's text and Markdown files that best
 * match a query, by keyword (BM25) and, when an embedder is configured, by meaning (cosine), the two
 * ranks fused. Passages are paragraphs. The index is built once, when the tool is made.
 */
public final class DocumentSearch implements Tool {

    public static final String NAME = "search_documents";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolSpec SPEC = ToolSpec.of(NAME, "Search the project's documents; returns the best matching passages with their file.",
            "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\"}},\"required\":[\"query\"]}");

    private record Passage(String file, String text, float[] vector) { }

    /** A passage found, with its fused score. */
    public record Hit(String file, String text, double score) { }

    private final List<Passage> passages = new ArrayList<>();
    private final Bm25Index keywords = new Bm25Index();
    private final Optional<Embedder> embedder;

    public DocumentSearch(Path folder, Optional<Embedder> embedder) {
        this.embedder = embedder;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                for (String para : Files.readString(f, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    if (para.isBlank()) {
                        continue;
                    }
                    keywords.add(terms(para));
                    passages.add(new Passage(rel, para.strip(), embedder.map(e -> e.embed(para)).orElse(null)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index documents in " + folder, e);
        }
    }

    private static List<String> terms(String text) {
        return Words.words(text).stream().filter(w -> !Words.isStopword(w)).toList();
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult invoke(ToolCall call) {
        String query = call.argumentsJson().map(j -> j.path("query").asText("")).orElse("");
        int limit = call.argumentsJson().map(j -> j.path("limit").asInt(3)).orElse(3);
        ArrayNode out = JSON.createArrayNode();
        for (Hit hit : search(query, Math.max(1, Math.min(limit, 10)))) {
            out.addObject().put("file", hit.file()).put("score", Math.round(hit.score() * 1000) / 1000.0).put("text", hit.text());
        }
        return new ToolResult.Ok(out.toString());
    }

    /** The best passages for {@code query}, best first: keyword (BM25) and meaning ranks fused by reciprocal rank. */
    public List<Hit> search(String query, int limit) {
        Map<Integer, Double> fused = new HashMap<>();
        Bm25Index.Hits byKeyword = keywords.search(Bm25Index.Query.of(terms(query)), doc -> true, passages.size());
        for (int rank = 1; rank <= byKeyword.size(); rank++) {
            fused.merge(byKeyword.docs()[rank - 1], 1.0 / (60 + rank), Double::sum);
        }
        if (embedder.isPresent() && !query.isBlank()) {
            float[] qv = embedder.get().embed(query);
            List<Integer> byMeaning = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                byMeaning.add(i);
            }
            byMeaning.sort(Comparator.comparingDouble((Integer i) -> -Vectors.cosine(qv, passages.get(i).vector())).thenComparingInt(i -> i));
            for (int rank = 1; rank <= Math.min(20, byMeaning.size()); rank++) {
                fused.merge(byMeaning.get(rank - 1), 1.0 / (60 + rank), Double::sum);
            }
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> new Hit(passages.get(e.getKey()).file(), passages.get(e.getKey()).text(), e.getValue())).toList();
    }
}
