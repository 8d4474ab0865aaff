package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chassis.core.input.InputMessages;
import dev.chassis.testkit.fuzz.Mutator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever a participant's page sends, the message is understood or refused with a sentence for the page; the
 * parser never throws. Jazzer replays its saved inputs in every build ({@code JAZZER_FUZZ=1} fuzzes); the
 * {@code @Test} sends 2,500 seeded mutations of real messages.
 */
class ParticipantMessageFuzzTest {

    static final List<String> MESSAGES = List.of("{\"type\":\"start\"}", "{\"type\":\"say\",\"text\":\"I make coffee by hand.\"}",
            "{\"type\":\"typing\"}", "{\"type\":\"ping\"}");

    @FuzzTest(maxDuration = "60s")
    void message(byte[] data) {
        understoodOrRefused(new String(data, StandardCharsets.UTF_8));
    }

    @Test
    void twenty_five_hundred_mutated_messages_are_understood_or_refused() {
        for (int seed = 0; seed < 2_500; seed++) {
            String m = new Mutator(seed).mutate(MESSAGES);
            try {
                understoodOrRefused(m);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " failed on message: " + m, e);
            }
        }
    }

    @Test
    void the_four_messages_and_their_mistakes() {
        assertThat(ParticipantMessage.parse("{\"type\":\"say\",\"text\":\"  hi \"}")).isEqualTo(new ParticipantMessage.Say("hi"));
        assertThat(ParticipantMessage.parse("{\"type\":\"start\"}")).isInstanceOf(ParticipantMessage.Start.class);
        assertThat(ParticipantMessage.parse("{\"type\":\"say\"}")).isEqualTo(new ParticipantMessage.Bad("say needs some text"));
        assertThat(ParticipantMessage.parse("[1]")).isInstanceOf(ParticipantMessage.Bad.class);
        assertThat(ParticipantMessage.parse("{\"type\":\"say\",\"text\":\"" + "a".repeat(4_001) + "\"}"))
                .isEqualTo(new ParticipantMessage.Bad("that answer is too long (at most 4,000 characters)"));
    }

    static void understoodOrRefused(String raw) {
        ParticipantMessage m = ParticipantMessage.parse(raw);
        assertThat(m).isNotNull();
        if (m instanceof ParticipantMessage.Bad b) {
            assertThat(InputMessages.internals(b.problem())).isEmpty();
        }
    }
}
