package dev.chassis.work.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.chassis.core.embed.Embedder;
import dev.chassis.core.embed.Vectors;
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

    private record Passage(String file, String text, Map<String, Integer> terms, int length, float[] vector) { }

    private final List<Passage> passages = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Optional<Embedder> embedder;
    private final double averageLength;

    public DocumentSearch(Path folder, Optional<Embedder> embedder) {
        this.embedder = embedder;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) {
                String rel = folder.relativize(f).toString().replace('\\', '/');
                for (String para : Files.readString(f, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    if (para.isBlank()) {
                        continue;
                    }
                    Map<String, Integer> tf = new HashMap<>();
                    List<String> words = Words.words(para).stream().filter(w -> !Words.isStopword(w)).toList();
                    words.forEach(w -> tf.merge(w, 1, Integer::sum));
                    tf.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
                    float[] v = embedder.map(e -> e.embed(para)).orElse(null);
                    passages.add(new Passage(rel, para.strip(), tf, words.size(), v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index documents in " + folder, e);
        }
        this.averageLength = passages.stream().mapToInt(Passage::length).average().orElse(1);
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
        for (Map.Entry<Passage, Double> hit : search(query, Math.max(1, Math.min(limit, 10)))) {
            out.addObject().put("file", hit.getKey().file()).put("score", Math.round(hit.getValue() * 1000) / 1000.0)
                    .put("text", hit.getKey().text());
        }
        return new ToolResult.Ok(out.toString());
    }

    /** The best passages for {@code query}, best first. */
    public List<Map.Entry<Passage, Double>> search(String query, int limit) {
        List<String> q = Words.words(query).stream().filter(w -> !Words.isStopword(w)).distinct().toList();
        int n = passages.size();
        Map<Passage, Double> keyword = new HashMap<>();
        for (Passage p : passages) {
            double s = 0;
            for (String t : q) {
                Integer tf = p.terms().get(t);
                if (tf != null) {
                    int df = documentFrequency.get(t);
                    double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                    s += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * p.length() / averageLength));
                }
            }
            if (s > 0) {
                keyword.put(p, s);
            }
        }
        Map<Passage, Double> fused = new HashMap<>();
        rank(keyword).forEach((p, r) -> fused.merge(p, 1.0 / (60 + r), Double::sum));
        if (embedder.isPresent() && !query.isBlank()) {
            float[] qv = embedder.get().embed(query);
            Map<Passage, Double> meaning = new HashMap<>();
            for (Passage p : passages) {
                meaning.put(p, Vectors.cosine(qv, p.vector()));
            }
            rank(meaning).entrySet().stream().filter(e -> e.getValue() <= 20)
                    .forEach(e -> fused.merge(e.getKey(), 1.0 / (60 + e.getValue()), Double::sum));
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Passage, Double>comparingByValue().reversed().thenComparing(e -> e.getKey().file()))
                .limit(limit).toList();
    }

    private static Map<Passage, Integer> rank(Map<Passage, Double> scores) {
        List<Map.Entry<Passage, Double>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort(Map.Entry.<Passage, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(e -> e.getKey().file()));
        Map<Passage, Integer> out = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.put(sorted.get(i).getKey(), i + 1);
        }
        return out;
    }
}
