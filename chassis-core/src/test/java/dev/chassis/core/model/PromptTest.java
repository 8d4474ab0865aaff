package dev.chassis.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTest {

    record Greet(String who) implements Intent {
        @Override
        public String render() {
            return "Greet " + who;
        }
    }

    @Test
    void with_copies_leave_the_original_unchanged() {
        Prompt p = Prompt.of(Message.system("s"), Message.user("u1"), Message.assistant("a"), Message.user("u2"));
        Prompt q = p.withIntent(new Greet("Ada")).withMaxOutputTokens(50).withTemperature(0.2);
        assertThat(p.intent()).isEmpty();
        assertThat(q.intent()).contains(new Greet("Ada"));
        assertThat(q.maxOutputTokens().getAsInt()).isEqualTo(50);
        assertThat(q.lastUserText()).isEqualTo("u2");
    }

    @Test
    void bad_prompts_are_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> Prompt.of(List.of())).hasMessage("a prompt needs at least one message");
        assertThatThrownBy(() -> Prompt.of(Message.user("x")).withMaxOutputTokens(0)).hasMessage("maxOutputTokens must be positive, was 0");
    }
}
