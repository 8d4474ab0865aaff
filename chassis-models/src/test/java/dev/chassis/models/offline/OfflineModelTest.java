package dev.chassis.models.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.model.Completion;
import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Intent;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import dev.chassis.core.tool.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OfflineModelTest {

    record Greet(String who) implements Intent {
        @Override
        public String render() {
            return "Greet " + who + " warmly.";
        }
    }

    record Lookup(String key) implements Intent {
        @Override
        public String render() {
            return "Look up " + key;
        }
    }

    static final class GreetRealiser implements OfflineRealiser<Greet> {
        @Override
        public Class<Greet> intentType() {
            return Greet.class;
        }

        @Override
        public Reply realise(Greet intent, Prompt prompt) {
            return Reply.text("Hello, " + intent.who() + ". Lovely to meet you.");
        }
    }

    static final class LookupRealiser implements OfflineRealiser<Lookup> {
        @Override
        public Class<Lookup> intentType() {
            return Lookup.class;
        }

        @Override
        public Reply realise(Lookup intent, Prompt prompt) {
            return Reply.toolCalls(List.of(new ToolCall("c1", "lookup", "{\"key\":\"" + intent.key() + "\"}")));
        }
    }

    private final OfflineModel model = OfflineModel.builder().pacing(Pacing.INSTANT)
            .realiser(new GreetRealiser()).realiser(new LookupRealiser()).build();

    @Test
    void an_intent_goes_to_its_realiser_and_streams_token_by_token_in_order() {
        List<String> tokens = new CopyOnWriteArrayList<>();
        Completion c = model.stream(Prompt.of(Message.user("hi")).withIntent(new Greet("Ada")), Deadline.none(), tokens::add).join();
        assertThat(c.text()).isEqualTo("Hello, Ada. Lovely to meet you.");
        assertThat(String.join("", tokens)).isEqualTo(c.text());
        assertThat(tokens).hasSizeGreaterThan(5);
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.model()).isEqualTo("offline");
        assertThat(c.timing().timeToFirstToken()).isPresent();
    }

    @Test
    void a_realiser_can_ask_for_tool_calls() {
        Completion c = model.generate(Prompt.of(Message.user("find it")).withIntent(new Lookup("k1")), Deadline.none());
        assertThat(c.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(c.toolCalls()).containsExactly(new ToolCall("c1", "lookup", "{\"key\":\"k1\"}"));
    }

    @Test
    void the_same_prompt_always_gets_the_same_reply() {
        Prompt p = Prompt.of(Message.user("I have been using the onboarding checklist at work and the checklist felt long"));
        String first = model.generate(p, Deadline.none()).text();
        assertThat(first).contains("checklist");
        for (int i = 0; i < 5; i++) {
            assertThat(model.generate(p, Deadline.none()).text()).isEqualTo(first);
        }
    }

    @Test
    void a_plain_question_gets_an_honest_reflective_reply() {
        String reply = model.generate(Prompt.of(Message.user("What is the capital of Portugal?")), Deadline.none()).text();
        assertThat(reply).startsWith("You're asking about \"Portugal\" and \"capital\".").contains("can't look anything up");
    }

    @Test
    void cancelling_mid_stream_stops_the_tokens() throws Exception {
        OfflineModel slow = model.withPacing(Pacing.of(Duration.ZERO, Duration.ofMillis(20)));
        List<String> tokens = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        Generation g = slow.stream(Prompt.of(Message.user("x")).withIntent(new Greet("a very long name indeed")), Deadline.none(), t -> {
            tokens.add(t);
            two.countDown();
        });
        assertThat(two.await(2, TimeUnit.SECONDS)).isTrue();
        g.cancel();
        int atCancel = tokens.size();
        Thread.sleep(100);
        assertThat(tokens).hasSize(atCancel);
        assertThatThrownBy(g::join).isInstanceOf(ModelException.Cancelled.class);
    }

    @Test
    void a_deadline_shorter_than_the_pacing_times_out() {
        OfflineModel slow = model.withPacing(Pacing.of(Duration.ofSeconds(5), Duration.ZERO));
        assertThatThrownBy(() -> slow.generate(Prompt.of(Message.user("x")), Deadline.in(Duration.ofMillis(50))))
                .isInstanceOf(ModelException.Timeout.class);
    }

    @Test
    void a_failing_realiser_becomes_a_typed_failure() {
        OfflineModel broken = OfflineModel.builder().pacing(Pacing.INSTANT).discoverRealisers(false).realiser(new OfflineRealiser<Greet>() {
            @Override
            public Class<Greet> intentType() {
                return Greet.class;
            }

            @Override
            public Reply realise(Greet intent, Prompt prompt) {
                throw new IllegalStateException("template missing");
            }
        }).build();
        assertThatThrownBy(() -> broken.generate(Prompt.of(Message.user("x")).withIntent(new Greet("a")), Deadline.none()))
                .isInstanceOf(ModelException.MalformedReply.class)
                .hasMessageContaining("realiser failed for Greet").hasMessageContaining("template missing");
    }
}
