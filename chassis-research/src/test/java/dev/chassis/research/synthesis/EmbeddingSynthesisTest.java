package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.embed.Embedder;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Transcript;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmbeddingSynthesisTest {

    /** A deterministic stand-in embedder: words hashed into 64 dimensions. */
    static final class HashingEmbedder implements Embedder {
        int calls;

        @Override
        public String name() {
            return "hashing-64";
        }

        @Override
        public int dimensions() {
            return 64;
        }

        @Override
        public Set<String> languages() {
            return Set.of("en");
        }

        @Override
        public float[] embed(String text) {
            calls++;
            float[] v = new float[64];
            for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (w.length() > 3) {
                    v[Math.floorMod(w.hashCode(), 64)] += 1;
                }
            }
            return v;
        }
    }

    @Test
    void an_embedder_groups_the_statements_and_quotes_stay_verbatim() {
        List<Transcript> sessions = Fixtures.exampleTranscripts();
        HashingEmbedder embedder = new HashingEmbedder();

        Synthesis s = Synthesizer.builder().embedder(embedder).maxThemes(4).build().synthesize(sessions);

        assertThat(embedder.calls).isPositive();
        assertThat(s.method()).isEqualTo("embeddings (hashing-64) + extractive themes (offline)");
        assertThat(s.themes()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        QuoteVerifier verifier = QuoteVerifier.of(sessions);
        assertThat(s.quotes()).allSatisfy(q -> assertThat(verifier.isExact(q)).isTrue());
    }

    @Test
    void an_embedder_that_does_not_support_the_language_is_not_used() {
        List<Transcript> german = Fixtures.exampleTranscripts().stream()
                .map(t -> new Transcript(t.id(), t.participant(), java.util.Optional.of("de"), t.turns(), t.marks())).toList();
        HashingEmbedder embedder = new HashingEmbedder();

        Synthesis s = Synthesizer.builder().embedder(embedder).build().synthesize(german);

        assertThat(embedder.calls).isZero();
        assertThat(s.method()).startsWith("key phrases (TF-IDF)");
    }
}
