package dev.chassis.models.embed;

import dev.chassis.core.embed.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Set;

/**
 * all-MiniLM-L6-v2, quantised, running in-process (ONNX): 384 dimensions, about 2 ms a sentence,
 * about 1 s to load on first use. <b>English only</b>: across languages its similarities mean
 * little (English–German pairs score near 0), so {@link #languages()} is {@code {"en"}} and callers
 * fall back to keyword recall for other languages. Run with {@code -DOPT_OUT_TRACKING=true}
 * ({@code ./chassis} does) or the ONNX runtime's loader may probe the network at start-up.
 * Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {

    private static final int DIMENSIONS = 384;

    // Loaded on first use: the model takes about a second and 100 MB that many runs never need.
    private volatile EmbeddingModel model;

    @Override
    public String name() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public Set<String> languages() {
        return Set.of("en");
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = m;
                }
            }
        }
        return m;
    }
}
