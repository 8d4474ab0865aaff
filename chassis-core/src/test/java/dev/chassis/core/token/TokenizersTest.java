package dev.chassis.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizersTest {

    @Test
    void the_encoding_follows_the_model_and_defaults_to_cl100k() {
        assertThat(Tokenizers.forModel("openai:gpt-4.1-mini").encoding()).isEqualTo("o200k_base");
        assertThat(Tokenizers.forModel("gpt-4").encoding()).isEqualTo("cl100k_base");
        assertThat(Tokenizers.forModel("openai-compatible:http://127.0.0.1:11434/v1#llama3.2").encoding()).isEqualTo("cl100k_base");
        assertThat(Tokenizers.forModel("offline").encoding()).isEqualTo("cl100k_base");
    }

    @Test
    void counting_and_truncating_agree() {
        Tokenizer t = Tokenizers.defaultTokenizer();
        String text = "The harness around a model matters more than the model itself.";
        assertThat(t.count(text)).isEqualTo(12);
        String cut = t.truncate(text, 5);
        assertThat(text).startsWith(cut);
        assertThat(t.count(cut)).isEqualTo(5);
        assertThat(t.truncate(text, 100)).isEqualTo(text);
        assertThat(t.count("")).isZero();
    }

    @Test
    void a_text_counted_again_gets_its_own_count_whatever_was_counted_between() {
        // Counts of longer texts are remembered by hash; texts that share a slot must never get each other's count.
        Tokenizer t = Tokenizers.defaultTokenizer();
        com.knuddels.jtokkit.api.Encoding plain = com.knuddels.jtokkit.Encodings.newLazyEncodingRegistry()
                .getEncoding(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE);
        java.util.List<String> texts = new java.util.ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        String[] words = {"we", "moved", "the", "invoices", "to", "a", "new", "tool", "in", "March", "because", "nobody", "trusted", "it"};
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0, n = 5 + random.nextInt(60); w < n; w++) {
                b.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? ". " : " ");
            }
            texts.add(b.toString());
        }
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                assertThat(t.count(new String(text))).as(text).isEqualTo(plain.countTokensOrdinary(text));
            }
        }
    }
}
