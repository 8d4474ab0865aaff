package dev.chassis.work;

import dev.chassis.work.journal.RunStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.ModelException;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.model.Step;
import dev.chassis.work.flow.StepBudget;
import dev.chassis.work.flow.Workflow;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelRetryTest {

    private static final Workflow ONE_STEP = Workflow.builder("retry").then("answer", s -> s.instruction("Answer")
            .budget(StepBudget.DEFAULT.withAttempts(1))).build();

    @Test
    void a_rate_limited_call_is_retried_after_the_wait_the_provider_asked_for() {
        ScriptedModel model = ScriptedModel.builder()
                .then(Step.fail(name -> new ModelException.RateLimited(name, Optional.of(Duration.ofMillis(700)), "slow down")))
                .then(Step.fail(name -> new ModelException.ServerError(name, 503, "busy", null)))
                .otherwise(p -> Step.reply("{\"done\": true}")).build();
        long start = System.nanoTime();
        RunOutcome out = WorkHarness.builder().model(model).build().start(ONE_STEP, WorkFixtures.json("{}"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(out.succeeded()).isTrue();
        assertThat(model.calls()).isEqualTo(3);
        // 700 ms as asked, then the second back-off step (400 ms) for the 503 that carried no wait
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_100));
        assertThat(out.usage().modelCalls()).isEqualTo(1);
    }

    @Test
    void a_failure_that_cannot_succeed_later_is_not_retried_and_fails_the_attempt_with_its_message() {
        ScriptedModel model = ScriptedModel.builder()
                .then(Step.fail(name -> new ModelException.Configuration(name, "no API key: set OPENAI_API_KEY"))).build();
        RunOutcome out = WorkHarness.builder().model(model).build().start(ONE_STEP, WorkFixtures.json("{}"));
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(model.calls()).isEqualTo(1);
        assertThat(out.reason()).contains("the model failed: no API key: set OPENAI_API_KEY");
    }

    @Test
    void four_transient_failures_in_a_row_give_up_with_the_last_one() {
        ScriptedModel model = ScriptedModel.builder()
                .otherwise(p -> Step.fail(name -> new ModelException.ServerError(name, 500, "down", null))).build();
        RunOutcome out = WorkHarness.builder().model(model).build().start(ONE_STEP, WorkFixtures.json("{}"));
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(model.calls()).isEqualTo(4);
        assertThat(out.reason()).contains("server error 500: down");
    }
}
