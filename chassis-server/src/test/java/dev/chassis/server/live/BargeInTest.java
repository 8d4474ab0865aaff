package dev.chassis.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.server.http.Json;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.channel.Channel;
import dev.chassis.talk.channel.Conversation;
import dev.chassis.talk.channel.Frame;
import dev.chassis.testkit.model.ScriptedModel;
import dev.chassis.testkit.model.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The server's path to a participant (a {@link Conversation} over the session, the connection's {@link QueuedPeer}
 * and {@link WireFrames}): on a connection that lags, an interruption overtakes the reply's tokens still queued.
 */
class BargeInTest {

    @Test
    void a_barge_in_while_a_long_reply_is_queued_reaches_the_participant_before_any_of_its_tokens() throws Exception {
        String longReply = IntStream.range(0, 2_000).mapToObj(i -> "Sentence number " + i + " goes on.").collect(Collectors.joining(" "));
        ScriptedModel model = ScriptedModel.builder().then(Step.reply(longReply, Duration.ZERO, Duration.ofMillis(1))).build();
        TalkHarness h = TalkHarness.builder().model(model).fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build()).build();
        SlowWire wire = new SlowWire();
        QueuedPeer peer = new QueuedPeer("test-peer", wire);
        AtomicInteger queuedTokens = new AtomicInteger();
        Channel counted = f -> {
            if (f instanceof Frame.Token) {
                queuedTokens.incrementAndGet();
            }
            peer.send(f);
        };
        Path guide = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/guides/onboarding-en.yaml");
        try (Session s = h.open(h.stage(GuideFile.load(guide).briefing("en", Map.of())))) {
            Conversation c = new Conversation(s, counted);
            CompletableFuture<?> opening = c.open();
            await(() -> queuedTokens.get() >= 200);   // the participant's connection still holds the first frame
            assertThat(c.interrupt()).isTrue();
            wire.release.complete(null);
            opening.get(30, TimeUnit.SECONDS);
        }
        peer.close(1000, "done");

        List<JsonNode> sent = wire.sent.stream().map(m -> Json.read(m.getBytes(), JsonNode.class)).toList();
        assertThat(sent).extracting(m -> m.get("type").asText()).containsExactly("agent-start", "interrupted", "agent-end");
        assertThat(sent.get(1).get("turn").asInt()).isZero();
        assertThat(sent.get(2).get("cutOff").asBoolean()).isTrue();
        assertThat(queuedTokens.get()).as("tokens dropped from the queue").isGreaterThanOrEqualTo(200);
        assertThat(wire.closedWith).isEqualTo(1000);
    }

    /** A connection that takes its first message only when released, as a congested socket would. */
    private static final class SlowWire implements QueuedPeer.Wire {
        final CompletableFuture<Void> release = new CompletableFuture<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile int closedWith = -1;

        @Override
        public CompletableFuture<Void> send(String text) {
            boolean first = sent.isEmpty();
            sent.add(text);
            return first ? release : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> send(byte[] data) {
            return send("<" + data.length + " bytes of audio>");
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(until);
            Thread.sleep(5);
        }
    }
}
