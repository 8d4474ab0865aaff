package dev.chassis.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Model;
import dev.chassis.models.breaker.CircuitBreakingModel;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.testkit.server.ScriptedReply;
import dev.chassis.testkit.server.SimulatedModelServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** chassis.model.* points the harnesses at an OpenAI-compatible server: here the testkit's simulated one on loopback. */
@SpringBootTest(classes = StarterApp.class, properties = {"chassis.model.engine=openai-compatible", "chassis.model.name=sim-7b",
        "chassis.model.api-key=sk-from-properties", "chassis.talk.first-token-deadline=20s"})
class SimulatedModelPropertiesTest {

    static final SimulatedModelServer SERVER = SimulatedModelServer.builder().modelName("sim-7b")
            .otherwise(request -> ScriptedReply.text("That sounds like a tidy Monday. What gets in the way of it?")).start();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry properties) {
        properties.add("chassis.model.base-url", () -> SERVER.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Autowired Model model;
    @Autowired TalkHarness talk;
    @Autowired HealthEndpoint health;

    @Test
    void the_properties_switch_the_model_to_the_server_they_name() throws Exception {
        assertThat(model).isInstanceOf(CircuitBreakingModel.class);
        assertThat(model.name()).contains("sim-7b");

        TurnRecord turn = StarterApp.interview(talk, "We plan on Monday mornings, all twelve of us on one board.");

        assertThat(turn.reply()).contains("That sounds like a tidy Monday");
        assertThat(SERVER.requests()).isNotEmpty();
        assertThat(SERVER.requests().getLast().model()).isEqualTo("sim-7b");
        assertThat(SERVER.requests().getLast().lastUserText()).contains("all twelve of us");
        assertThat(health.healthForPath("chassis").getStatus()).isEqualTo(Status.UP);
    }
}
