package dev.chassis.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ScriptedModelTest {

    private final Prompt prompt = Prompt.of(Message.user("hi"));

    @Test
    void steps_play_in_order_then_the_fallback_answers() {
        ScriptedModel m = ScriptedModel.builder()
                .replies("first")
                .then(Step.toolCall("lookup", "{\"id\":1}"))
                .then(Step.fail(name -> new ModelException.RateLimited(name, Optional.of(Duration.ofSeconds(2)), "")))
                .build();
        assertThat(m.generate(prompt, Deadline.none()).text()).isEqualTo("first");
        Completion tools = m.generate(prompt, Deadline.none());
        assertThat(tools.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(tools.toolCalls().getFirst().name()).isEqualTo("lookup");
        assertThatThrownBy(() -> m.generate(prompt, Deadline.none())).isInstanceOf(ModelException.RateLimited.class);
        assertThat(m.generate(prompt, Deadline.none()).text()).isEqualTo("ok");
        assertThat(m.calls()).isEqualTo(4);
        assertThat(m.prompts()).allMatch(p -> p.equals(prompt));
    }

    @Test
    void a_late_first_token_and_a_hang_meet_the_deadline() {
        ScriptedModel m = ScriptedModel.builder()
                .then(Step.reply("late", Duration.ofSeconds(3), Duration.ZERO))
                .then(Step.hang())
                .build();
        assertThatThrownBy(() -> m.generate(prompt, Deadline.in(Duration.ofMillis(100)))).isInstanceOf(ModelException.Timeout.class);
        assertThatThrownBy(() -> m.generate(prompt, Deadline.in(Duration.ofMillis(100)))).isInstanceOf(ModelException.Timeout.class);
    }

    @Test
    void tokens_stream_with_pacing_and_stop_on_cancel() throws Exception {
        ScriptedModel m = ScriptedModel.builder().then(Step.reply("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
                + "eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four", Duration.ZERO, Duration.ofMillis(40))).build();
        List<String> tokens = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        var g = m.stream(prompt, Deadline.none(), t -> {
            tokens.add(t);
            first.countDown();
        });
        assertThat(first.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();   // streaming: cancel it mid-way
        g.cancel();
        int n = tokens.size();
        Thread.sleep(150);
        assertThat(tokens).hasSize(n).hasSizeLessThan(24);
        assertThatThrownBy(g::join).isInstanceOf(ModelException.Cancelled.class);
    }
}
