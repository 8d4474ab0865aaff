package dev.chassis.core.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns text into a vector whose cosine similarity reflects meaning. Implementations are
 * thread-safe; calls may take milliseconds, so harnesses call them off a turn's critical path.
 *
 * <pre>{@code
 * float[] v = embedder.embed("I moved to Lisbon last year");
 * double s = Vectors.cosine(v, embedder.embed("relocation"));
 * }</pre>
 */
public interface Embedder {

    /** A name for logs, for example {@code all-minilm-l6-v2-q}. */
    String name();

    /** The length of every vector this embedder returns. */
    int dimensions();

    /**
     * ISO 639-1 codes of the languages the embedder is good for; empty when it claims all. Callers
     * fall back to keyword recall for other languages.
     */
    Set<String> languages();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    /** Whether this embedder is meant for {@code language} (ISO 639-1). */
    default boolean supports(String language) {
        return languages().isEmpty() || languages().contains(language);
    }
}
