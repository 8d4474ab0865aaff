package dev.chassis.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.models.offline.OfflineModel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFactoryTest {

    private static final String SECRET = "sk-test-SECRET-1234567890";
    private final ModelFactory withKeys = ModelFactory.withEnvironment(Map.of(
            "OPENAI_API_KEY", SECRET, "ANTHROPIC_API_KEY", SECRET, "GOOGLE_API_KEY", SECRET)::get);
    private final ModelFactory withoutKeys = ModelFactory.withEnvironment(name -> null);

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4", "openai", "openai:", "mistral:large", "", "ollama:llama3"})
    void an_unknown_model_string_is_one_line_listing_the_valid_forms(String text) {
        assertThatThrownBy(() -> withKeys.create(text))
                .isInstanceOf(ModelException.Configuration.class)
                .hasMessage("unknown model '" + text + "'; use one of: offline, openai:<model>, "
                        + "openai-compatible:<baseUrl>#<model>, anthropic:<model>, gemini:<model>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void a_missing_key_names_the_variable_to_set() {
        assertThatThrownBy(() -> withoutKeys.create("openai:gpt-4.1-mini"))
                .hasMessage("model 'openai:gpt-4.1-mini' needs an API key: set OPENAI_API_KEY");
        assertThatThrownBy(() -> withoutKeys.create("anthropic:claude-sonnet-4-5"))
                .hasMessage("model 'anthropic:claude-sonnet-4-5' needs an API key: set ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> withoutKeys.create("gemini:gemini-2.5-flash"))
                .hasMessage("model 'gemini:gemini-2.5-flash' needs an API key: set GEMINI_API_KEY (or GOOGLE_API_KEY)");
    }

    @Test
    void openai_compatible_needs_no_key_but_a_valid_url_and_model() {
        Model m = withoutKeys.create("openai-compatible:http://127.0.0.1:11434/v1#llama3.2");
        assertThat(m.name()).isEqualTo("openai-compatible:http://127.0.0.1:11434/v1#llama3.2");
        assertThatThrownBy(() -> withoutKeys.create("openai-compatible:http://127.0.0.1:11434/v1"))
                .hasMessageStartingWith("model 'openai-compatible:http://127.0.0.1:11434/v1' needs a base URL and a model name");
        assertThatThrownBy(() -> withoutKeys.create("openai-compatible:ftp://x#m"))
                .hasMessage("model 'openai-compatible:ftp://x#m': the base URL must be http(s)://host[:port]/path, was 'ftp://x'");
    }

    @Test
    void offline_needs_nothing() {
        assertThat(withoutKeys.create("offline")).isInstanceOf(OfflineModel.class);
        assertThat(withoutKeys.create(" OFFLINE ").name()).isEqualTo("offline");
    }

    @Test
    void keys_never_appear_in_names_or_descriptions() {
        for (String spec : new String[] {"openai:gpt-4.1-mini", "anthropic:claude-sonnet-4-5", "gemini:gemini-2.5-flash"}) {
            Model m = withKeys.create(spec);
            assertThat(m.name()).isEqualTo(spec).doesNotContain(SECRET);
            assertThat(m.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void every_engine_is_described_with_a_parseable_example() {
        assertThat(ModelFactory.engines()).hasSize(5);
        ModelFactory.engines().forEach(e -> assertThat(ModelSpec.parse(e.example()).toString()).isEqualTo(e.example()));
    }
}
