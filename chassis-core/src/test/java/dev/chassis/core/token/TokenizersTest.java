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
}
