package dev.chassis.models.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.embed.Vectors;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private final MiniLmEmbedder embedder = new MiniLmEmbedder();

    @Test
    void similar_english_sentences_score_higher_than_unrelated_ones() {
        float[] a = embedder.embed("The onboarding checklist was too long and confusing.");
        float[] b = embedder.embed("Setting up my account took ages because the steps were unclear.");
        float[] c = embedder.embed("My grandmother grows tomatoes in her garden every summer.");
        assertThat(a).hasSize(384);
        assertThat(Vectors.cosine(a, b)).isGreaterThan(Vectors.cosine(a, c) + 0.1);
    }

    @Test
    void it_declares_itself_english_only() {
        assertThat(embedder.supports("en")).isTrue();
        assertThat(embedder.supports("de")).isFalse();
    }

    @Test
    void batch_and_single_embeddings_agree() {
        float[] single = embedder.embed("hello world");
        float[] batch = embedder.embedAll(java.util.List.of("hello world", "other")).getFirst();
        assertThat(Vectors.cosine(single, batch)).isGreaterThan(0.999);
    }
}
