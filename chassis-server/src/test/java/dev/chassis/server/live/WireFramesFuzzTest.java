package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chassis.core.input.InputMessages;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.state.Line;
import dev.chassis.testkit.fuzz.Mutator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whatever a participant's page sends, the message is read as a frame or refused with a sentence for the page; the
 * codec never throws. Jazzer replays its saved inputs in every build ({@code JAZZER_FUZZ=1} fuzzes); the
 * {@code @Test} sends 2,500 seeded mutations of real messages.
 */
class WireFramesFuzzTest {

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
        assertThat(WireFrames.decode("{\"type\":\"say\",\"text\":\"  hi \"}")).isEqualTo(new Frame.Say("hi"));
        assertThat(WireFrames.decode("{\"type\":\"start\"}")).isInstanceOf(Frame.Start.class);
        assertThat(WireFrames.decode("{\"type\":\"typing\"}")).isInstanceOf(Frame.Interrupt.class);
        assertThat(WireFrames.decode("{\"type\":\"ping\"}")).isInstanceOf(Frame.Ping.class);
        assertThat(WireFrames.decode("{\"type\":\"say\"}")).isEqualTo(new Frame.Unreadable("say needs some text"));
        assertThat(WireFrames.decode("[1]")).isInstanceOf(Frame.Unreadable.class);
        assertThat(WireFrames.decode("{\"type\":\"say\",\"text\":\"" + "a".repeat(4_001) + "\"}"))
                .isEqualTo(new Frame.Unreadable("that answer is too long (at most 4,000 characters)"));
    }

    @Test
    void every_frame_to_the_page_is_the_json_message_the_page_reads() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(WireFrames.encode(new Frame.Hello("s1", true, false, -1,
                List.of(new Line(0, Line.Speaker.AGENT, "Hello.", at, false), new Line(1, Line.Speaker.USER, "Hi", at, false)))))
                .isEqualTo("{\"type\":\"hello\",\"session\":\"s1\",\"started\":true,\"done\":false,\"speakingTurn\":-1,\"transcript\":["
                        + "{\"turn\":0,\"speaker\":\"interviewer\",\"text\":\"Hello.\",\"at\":\"2026-12-01T10:00:00Z\",\"cutOff\":false},"
                        + "{\"turn\":1,\"speaker\":\"participant\",\"text\":\"Hi\",\"at\":\"2026-12-01T10:00:00Z\",\"cutOff\":false}]}");
        assertThat(WireFrames.encode(new Frame.Thinking(2))).isEqualTo("{\"type\":\"thinking\",\"turn\":2}");
        assertThat(WireFrames.encode(new Frame.ReplyStarted(2))).isEqualTo("{\"type\":\"agent-start\",\"turn\":2}");
        assertThat(WireFrames.encode(new Frame.Token(2, "So "))).isEqualTo("{\"type\":\"token\",\"turn\":2,\"text\":\"So \"}");
        assertThat(WireFrames.encode(new Frame.Interrupted(2))).isEqualTo("{\"type\":\"interrupted\",\"turn\":2}");
        assertThat(WireFrames.encode(new Frame.ReplyEnded(2, "So?", false,
                Optional.of(new Frame.Confirmed(Optional.of(Duration.ofNanos(12_345_678)), true)))))
                .isEqualTo("{\"type\":\"agent-end\",\"turn\":2,\"text\":\"So?\",\"cutOff\":false,\"firstWordsMs\":12.35,\"last\":true}");
        assertThat(WireFrames.encode(new Frame.ReplyEnded(2, "", true, Optional.empty())))
                .isEqualTo("{\"type\":\"agent-end\",\"turn\":2,\"text\":\"\",\"cutOff\":true}");
        assertThat(WireFrames.encode(new Frame.Done())).isEqualTo("{\"type\":\"done\"}");
        assertThat(WireFrames.encode(new Frame.Failed("slow down"))).isEqualTo("{\"type\":\"error\",\"message\":\"slow down\"}");
        assertThat(WireFrames.encode(new Frame.Storage(true))).isEqualTo("{\"type\":\"storage\",\"ok\":true,\"message\":\"Saving works again. You can go on.\"}");
        assertThat(WireFrames.encode(new Frame.Idle())).isEqualTo("{\"type\":\"idle\"}");
        assertThat(WireFrames.encode(new Frame.Pong())).isEqualTo("{\"type\":\"pong\"}");
    }

    static void understoodOrRefused(String raw) {
        Frame.In m = WireFrames.decode(raw);
        assertThat(m).isNotNull();
        if (m instanceof Frame.Unreadable b) {
            assertThat(InputMessages.internals(b.problem())).isEmpty();
        }
    }
}
