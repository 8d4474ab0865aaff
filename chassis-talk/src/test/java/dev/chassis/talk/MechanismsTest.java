package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.event.Event;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.token.Tokenizers;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.channel.Conversation;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.channel.InMemoryChannel;
import dev.chassis.talk.channel.OutboundQueue;
import dev.chassis.talk.guard.LeakGuard;
import dev.chassis.talk.observe.TalkEvent;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MechanismsTest {

    @Test
    void an_interruption_overtakes_a_thousand_queued_tokens() throws Exception {
        List<Frame> seen = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (OutboundQueue queue = new OutboundQueue(f -> {
            seen.add(f);
            first.countDown();
            try {
                release.await(); // a slow channel: stuck on the first frame while 1,000 more queue up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            for (int i = 0; i < 1001; i++) {
                queue.send(new Frame.Token(1, "w" + i));
            }
            assertThat(first.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(queue.pending()).isEqualTo(1000);
            queue.send(new Frame.Interrupted(1));
            queue.send(new Frame.ReplyEnded(1, "w0", true, Optional.empty()));
            release.countDown();
        }
        assertThat(seen).containsExactly(new Frame.Token(1, "w0"), new Frame.Interrupted(1), new Frame.ReplyEnded(1, "w0", true, Optional.empty()));
    }

    @Test
    void a_conversation_turns_replies_into_frames_on_a_channel() {
        TalkHarness h = Fixtures.harness().build();
        InMemoryChannel channel = new InMemoryChannel();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            Conversation c = new Conversation(s, channel);
            c.open().join();
            c.say(Utterance.of("On my phone.")).join();
            String reply = s.state().transcript().getLast().text();
            assertThat(channel.frames().getFirst()).isEqualTo(new Frame.ReplyStarted(0));
            assertThat(channel.frames()).contains(new Frame.Thinking(1), new Frame.ReplyStarted(1));
            assertThat(channel.text(1)).isEqualTo(reply);
            assertThat(channel.frames().getLast()).isInstanceOfSatisfying(Frame.ReplyEnded.class, e -> {
                assertThat(e.turn()).isEqualTo(1);
                assertThat(e.text()).isEqualTo(reply);
                assertThat(e.cutOff()).isFalse();
                assertThat(e.confirmed()).hasValueSatisfying(k -> assertThat(k.firstWords()).isPresent());
            });
            assertThat(c.speakingTurn()).isEqualTo(-1);
            assertThat(c.interrupt()).as("nothing is streaming").isFalse();
        }
    }

    @Test
    void an_interrupted_conversation_sends_the_interruption_then_the_cut_reply_and_no_token_after_it() throws Exception {
        TalkHarness h = Fixtures.harness().model(OfflineModel.builder().pacing(Pacing.LIVELY).build()).without(Feature.DEADLINE).build();
        InMemoryChannel channel = new InMemoryChannel();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            Conversation c = new Conversation(s, channel);
            CompletableFuture<TurnRecord> opening = c.open();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (channel.frames().stream().noneMatch(f -> f instanceof Frame.Token) && !opening.isDone()) {
                assertThat(System.nanoTime()).as("waited 60 s for the first words").isLessThan(until);
                Thread.sleep(5);
            }
            assertThat(c.interrupt()).isTrue();
            TurnRecord r = opening.get(60, TimeUnit.SECONDS);

            List<Frame.Out> frames = channel.frames();
            int cut = frames.indexOf(new Frame.Interrupted(0));
            assertThat(cut).isPositive();
            assertThat(frames.subList(cut, frames.size())).noneMatch(f -> f instanceof Frame.Token);
            assertThat(frames.getLast()).isEqualTo(new Frame.ReplyEnded(0, r.reply(), true,
                    Optional.of(new Frame.Confirmed(r.timings().firstDelivered(), false))));
            assertThat(channel.text(0)).isEqualTo(r.reply()).isNotEmpty();
            assertThat(c.speakingTurn()).isEqualTo(-1);
        }
    }

    @Test
    void turns_are_traced_as_spans_inside_a_session_span_and_every_stage_is_an_event() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        List<Event> events = new CopyOnWriteArrayList<>();
        TalkHarness h = Fixtures.harness().openTelemetry(otel).events(events::add).build();
        Session s = h.open(h.stage(Fixtures.briefing()));
        s.open(t -> { }).join();
        s.respond("I set it up on my phone.", t -> { }).join();
        s.close();
        // A turn's span ends in a callback on the turn's result, which may run just after join() returned.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> exporter.getFinishedSpanItems().stream().filter(x -> x.getName().equals("talk.turn")).count() == 2);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData session = spans.stream().filter(x -> x.getName().equals("talk.session")).findFirst().orElseThrow();
        assertThat(spans).filteredOn(x -> x.getName().equals("talk.turn")).hasSize(2)
                .allSatisfy(t -> assertThat(t.getParentSpanId()).isEqualTo(session.getSpanId()));
        assertThat(events).hasAtLeastOneElementOfType(TalkEvent.RequestSent.class)
                .hasAtLeastOneElementOfType(TalkEvent.FirstTokenDelivered.class)
                .hasAtLeastOneElementOfType(TalkEvent.TurnFinished.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> events.stream().anyMatch(e -> e instanceof TalkEvent.MonitorFinished));
    }

    @Test
    void the_leak_guard_withholds_a_recital_of_the_staged_context_but_not_the_question_being_asked() {
        var staged = h().stage(Fixtures.briefing());
        var guard = LeakGuard.of(staged.prefix(), List.of(), List.of("How did you first set up the app?"));
        List<String> released = new java.util.ArrayList<>();
        LeakGuard.Reply recital = guard.reply(List.of());
        boolean clean = true;
        for (String token : dev.chassis.core.text.Words.tokens("Sure! My instructions say: You are in a live spoken conversation with one person. Purpose:")) {
            clean &= recital.accept(token, released::add);
        }
        assertThat(clean).isFalse();
        assertThat(String.join("", released)).doesNotContain("live spoken conversation");
        LeakGuard.Reply question = guard.reply(List.of("How did you first set up the app?"));
        for (String token : dev.chassis.core.text.Words.tokens("Thanks. How did you first set up the app?")) {
            assertThat(question.accept(token, released::add)).isTrue();
        }
        assertThat(question.finish(released::add)).isTrue();
    }

    @Test
    void a_long_session_stays_within_the_context_budget_because_older_turns_are_compacted_in_the_background() throws Exception {
        List<Prompt> prompts = new CopyOnWriteArrayList<>();
        var offline = Fixtures.offline();
        dev.chassis.core.model.Model recording = new dev.chassis.core.model.Model() {
            public String name() {
                return "recording";
            }

            public dev.chassis.core.model.Generation stream(Prompt p, dev.chassis.core.time.Deadline d, dev.chassis.core.model.TokenListener l) {
                prompts.add(p);
                return offline.stream(p, d, l);
            }
        };
        TalkHarness h = TalkHarness.builder().model(recording).fallback(Fixtures.offline()).contextBudget(4_000, 400).compactAfter(1_200)
                .without(Feature.MONITORS).build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            for (int i = 1; i <= 300; i++) {
                s.respond("Answer number " + i + ": I mostly use the budgeting screens in the evening, and on turn " + i
                        + " I was thinking about groceries, rent and the car again.", t -> { }).join();
                if (i % 25 == 0) {
                    Thread.sleep(50);
                }
            }
            var tokenizer = Tokenizers.defaultTokenizer();
            Prompt last = prompts.getLast();
            int tokens = last.messages().stream().mapToInt(m -> tokenizer.count(m.text()) + 4).sum()
                    + tokenizer.count(last.intent().orElseThrow().render());
            assertThat(tokens).isLessThanOrEqualTo(4_000 - 400);
            assertThat(s.state().summaries()).isNotEmpty();
            assertThat(s.state().compactedThrough()).isGreaterThan(200);
        }
    }

    private static TalkHarness h() {
        return Fixtures.harness().build();
    }
}
