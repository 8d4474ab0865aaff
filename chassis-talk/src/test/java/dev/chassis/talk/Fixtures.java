package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.FinishReason;
import dev.chassis.core.model.Generation;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.ModelException;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.model.StreamingGeneration;
import dev.chassis.core.model.TokenListener;
import dev.chassis.core.text.Words;
import dev.chassis.core.time.Deadline;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/** Briefings and models shared by the talk harness's tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Briefing briefing() {
        return new Briefing("Learn how people get started with a budgeting app.", "en", List.of("en", "de", "es"), Duration.ofMinutes(20),
                List.of(
                        new Objective("start", "Getting started", "How they set up the app", 5, 0.4,
                                List.of("How did you first set up the app?", "What was the first thing you tried to do with it?",
                                        "What, if anything, got in your way at the start?"),
                                List.of("What did you expect to happen there?"), List.of("setup", "signup", "account")),
                        new Objective("habits", "Daily habits", "How often and when they use it", 4, 0.4,
                                List.of("How often do you open the app these days?", "When in your day do you usually use it?"),
                                List.of(), List.of("daily", "week", "routine")),
                        new Objective("wishes", "Wishes", "What they would change", 2, 0.2,
                                List.of("If you could change one thing about the app, what would it be?"), List.of(), List.of("change"))),
                Map.of("role", "freelance designer", "country", "Portugal"),
                List.of("Never give financial advice."), List.of("The app launched in 2023."),
                "Hi, thanks for joining. This conversation takes about twenty minutes.");
    }

    static OfflineModel offline() {
        return OfflineModel.builder().pacing(Pacing.INSTANT).build();
    }

    static TalkHarness.Builder harness() {
        return TalkHarness.builder().model(offline()).fallback(offline());
    }

    /** A model that realises directives like the offline engine but whose first token is late on the calls {@code late} selects. */
    static Model late(Duration delay, IntPredicate late) {
        OfflineModel offline = offline();
        AtomicInteger calls = new AtomicInteger();
        return new Model() {
            @Override
            public String name() {
                return "late-model";
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                int call = calls.getAndIncrement();
                StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
                Thread worker = Thread.ofVirtual().unstarted(() -> {
                    if (late.test(call)) {
                        LockSupport.parkNanos(delay.toNanos());
                    }
                    String text = offline.generate(prompt, Deadline.none()).text();
                    for (String t : Words.tokens(text)) {
                        if (!g.token(t)) {
                            return;
                        }
                    }
                    g.complete(prompt, List.of(), Optional.empty(), FinishReason.STOP);
                });
                g.onCancel(worker::interrupt);
                worker.start();
                return g;
            }
        };
    }

    /** A model that always fails with a server error. */
    static Model failing() {
        return new Model() {
            @Override
            public String name() {
                return "broken-model";
            }

            @Override
            public Generation stream(Prompt prompt, Deadline deadline, TokenListener listener) {
                StreamingGeneration g = StreamingGeneration.start(name(), deadline, listener);
                g.fail(new ModelException.ServerError(name(), 500, "boom", null));
                return g;
            }
        };
    }

    /** The reply a session that prepared nothing gives to {@code words} after its opening (without the deadline). */
    static String unpreparedReply(String words) throws Exception {
        TalkHarness h = harness().without(Feature.DEADLINE).build();
        try (Session s = h.open(h.stage(briefing()))) {
            s.open(t -> { }).get(10, TimeUnit.SECONDS);
            return s.respond(words, t -> { }).get(10, TimeUnit.SECONDS).reply();
        }
    }

    /** Waits until {@code condition} holds, failing after 30 s. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(until);
            Thread.sleep(5);
        }
    }
}
