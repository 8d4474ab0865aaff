package dev.chassis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A chassis.* property that cannot work stops the start with the property's name and what to set. */
class PropertiesErrorsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChassisAutoConfiguration.class));

    @Test
    void an_openai_compatible_engine_without_a_url_names_the_property_to_set() {
        runner.withPropertyValues("chassis.model.engine=openai-compatible", "chassis.model.name=llama3.2").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("chassis.model.base-url: the openai-compatible engine needs the server's URL");
            assertThat(analysis.getAction()).isEqualTo("Set chassis.model.base-url, e.g. http://127.0.0.1:11434/v1 for Ollama.");
        });
    }

    @Test
    void an_unknown_engine_and_a_missing_name_are_each_one_clear_error() {
        runner.withPropertyValues("chassis.model.engine=llamafile").run(context -> assertThat(analysis(context.getStartupFailure())
                .getDescription()).isEqualTo("chassis.model.engine: there is no engine 'llamafile'"));
        runner.withPropertyValues("chassis.model.engine=anthropic").run(context -> assertThat(analysis(context.getStartupFailure())
                .getDescription()).isEqualTo("chassis.model.name: the anthropic engine needs a model name"));
    }

    @Test
    void a_provider_without_a_key_says_which_variable_or_property_gives_one() {
        runner.withPropertyValues("chassis.model.engine=openai", "chassis.model.name=gpt-4.1-mini").run(context -> {
            if (System.getenv("OPENAI_API_KEY") == null) {
                FailureAnalysis a = analysis(context.getStartupFailure());
                assertThat(a.getDescription()).startsWith("chassis.model: ").contains("OPENAI_API_KEY");
                assertThat(a.getAction()).contains("chassis.model.api-key");
            }
        });
    }

    @Test
    void without_a_data_source_the_harnesses_journal_in_memory_and_health_says_so() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(dev.chassis.talk.TalkHarness.class)
                    .hasSingleBean(dev.chassis.work.WorkHarness.class).doesNotHaveBean(dev.chassis.store.JdbcJournal.class);
            assertThat(context.getBean(ChassisHealthIndicator.class).health().getDetails().get("journal"))
                    .isEqualTo("in memory: sessions and runs are lost when the application stops");
        });
    }

    private static FailureAnalysis analysis(Throwable failure) {
        FailureAnalysis a = new ChassisFailureAnalyzer().analyze(failure);
        assertThat(a).as("a ChassisConfigurationException behind " + failure).isNotNull();
        return a;
    }
}
