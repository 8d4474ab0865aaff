package dev.chassis.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.event.Event;
import dev.chassis.core.model.Model;
import dev.chassis.models.ModelFactory;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.judge.ModelJudges;
import dev.chassis.talk.judge.ModelJudges.Kind;
import dev.chassis.talk.observe.TalkEvent;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Model-backed monitors (issue 13.8) against the simulated model server with scripted judges: a verdict the lexical
 * tier misses steers the next turn, and the turn never waits for it; a late judge changes nothing and is counted; a
 * failing or malformed judge leaves the lexical verdict standing, with an event that says so. The interviewer is the
 * offline engine; only the judges are on the server.
 */
class ModelJudgesTest {

    private static final String LOSS = "We buried my grandmother that month, so the new rollout was the last thing on my mind.";
    private static final String WORK = "I run the data team, a typical project is a quarterly forecast with three analysts and a lot of "
            + "spreadsheets, and a normal week is meetings on Monday and modelling work for the rest of it.";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Test
    void a_moment_the_word_lists_miss_is_acknowledged_on_the_next_turn_and_the_turn_never_waits_for_its_judge() {
        Directive lexicalOnly = conversation(null, LOSS, "It was fine after that, I suppose.").directive();
        assertThat(lexicalOnly).as("the lexical tier alone does not see this moment").isNotInstanceOf(Directive.Acknowledge.class);

        ScriptedJudges judges = lossJudgedIn(Duration.ofSeconds(2));
        try (SimulatedModelServer server = SimulatedModelServer.builder().otherwise(judges).start()) {
            ModelJudges emotion = ModelJudges.of(model(server)).without(Kind.COVERAGE).without(Kind.CONTRADICTION)
                    .withBudget(Kind.EMOTION, Duration.ofSeconds(20));
            try (Session s = harness(emotion).open(harness(emotion).stage(briefing()))) {
                s.open(t -> { }).join();
                s.respond(LOSS, t -> { }).join();
                assertThat(emotions(s.state())).as("the reply went out before the judge answered (2 s)").isEmpty();
                assertThat(s.settle(SETTLE)).isTrue();
                assertThat(emotions(s.state())).singleElement().satisfies(e -> {
                    assertThat(e.turn()).isEqualTo(1);
                    assertThat(e.quote()).isEqualTo("We buried my grandmother that month");
                    assertThat(e.intensity()).isEqualTo(0.8);
                });
                TurnRecord next = s.respond("It was fine after that, I suppose.", t -> { }).join();
                assertThat(next.directive()).isInstanceOf(Directive.Acknowledge.class);
                assertThat(s.settle(SETTLE)).isTrue(); // the second answer's question is asked beside its turn too
            }
            assertThat(judges.asked("emotion")).isEqualTo(2);
            assertThat(outcomes("emotion")).startsWith("answered");
        }
    }

    @Test
    void a_late_judge_changes_nothing_and_is_counted() {
        TurnRecord lexical = conversation(null, LOSS, "It was fine after that, I suppose.");
        ScriptedJudges judges = lossJudgedIn(Duration.ofSeconds(4));
        try (SimulatedModelServer server = SimulatedModelServer.builder().otherwise(judges).start()) {
            ModelJudges late = ModelJudges.of(model(server)).without(Kind.COVERAGE).without(Kind.CONTRADICTION)
                    .withBudget(Kind.EMOTION, Duration.ofMillis(300));
            events.clear();
            TurnRecord judged = conversation(late, LOSS, "It was fine after that, I suppose.");
            assertThat(judged.directive().kind()).isEqualTo(lexical.directive().kind());
            assertThat(outcomes("emotion")).isNotEmpty().allMatch("late"::equals);
        }
    }

    @Test
    void a_failing_judge_and_a_malformed_answer_leave_the_lexical_coverage_standing() {
        Map<String, ?> lexical = coverage(null);
        for (ScriptedReply bad : List.of(ScriptedReply.fault(Fault.SERVER_ERROR), ScriptedReply.text("Yes, it is on topic."),
                ScriptedReply.text("{\"on_topic\": \"true\", \"substantive\": true, \"explored\": false}"))) {
            ScriptedJudges judges = ScriptedJudges.otherwise(r -> ScriptedReply.text("Thank you.")).judge("coverage", bad);
            try (SimulatedModelServer server = SimulatedModelServer.builder().otherwise(judges).start()) {
                events.clear();
                // A budget the client's own retries of a server error fit in: the failure, not lateness, is tested here.
                Map<String, ?> judged = coverage(ModelJudges.of(model(server)).without(Kind.EMOTION).without(Kind.CONTRADICTION)
                        .withBudget(Kind.COVERAGE, Duration.ofSeconds(30)));
                assertThat(judged).isEqualTo(lexical);
                assertThat(outcomes("coverage")).isNotEmpty()
                        .allMatch(o -> o.equals(bad.fault().isPresent() ? "failed" : "malformed"));
                assertThat(events).filteredOn(e -> e instanceof TalkEvent.JudgeAsked j && j.fellBack())
                        .allMatch(e -> !((TalkEvent.JudgeAsked) e).reason().isBlank());
            }
        }
    }

    @Test
    void a_contradiction_in_other_words_is_put_back_on_the_next_turn() {
        String first = "My manager picked the tool for the whole team last year, before I joined.";
        String second = "I chose the tool myself after trying three others, and I brought it to the team.";
        assertThat(conversation(null, first, second, "Mostly for reports.").directive()).isNotInstanceOf(Directive.Clarify.class);
        ScriptedJudges judges = ScriptedJudges.otherwise(r -> ScriptedReply.text("Thank you."))
                .judge("contradiction", ScriptedReply.text("{\"contradiction\": true, \"earlier_turn\": 1, \"explanation\": \"who chose the tool\"}"),
                        ScriptedReply.text("{\"contradiction\": false, \"earlier_turn\": 0, \"explanation\": \"\"}"));
        try (SimulatedModelServer server = SimulatedModelServer.builder().otherwise(judges).start()) {
            TurnRecord third = conversation(ModelJudges.of(model(server)).without(Kind.COVERAGE).without(Kind.EMOTION), first, second,
                    "Mostly for reports.");
            assertThat(third.directive()).isInstanceOfSatisfying(Directive.Clarify.class, c -> assertThat(c.toString()).contains("manager"));
            assertThat(outcomes("contradiction")).contains("answered");
        }
    }

    /** An emotion judge that sees the loss in {@link #LOSS}, answering after {@code delay}. */
    private static ScriptedJudges lossJudgedIn(Duration delay) {
        return ScriptedJudges.otherwise(r -> ScriptedReply.text("Thank you.")).judge("emotion", ScriptedReply.text("{\"moment\": true, "
                + "\"valence\": -0.8, \"intensity\": 0.8, \"quote\": \"We buried my grandmother that month\"}").withTimeToFirstToken(Latency.fixed(delay)));
    }

    /** The session's coverage after two answers about the first objective. */
    private Map<String, ?> coverage(ModelJudges judges) {
        TalkHarness h = harness(judges);
        try (Session s = h.open(h.stage(briefing()))) {
            s.open(t -> { }).join();
            s.respond(WORK, t -> { }).join();
            assertThat(s.settle(SETTLE)).isTrue();
            s.respond(WORK + " The forecast goes to the board.", t -> { }).join();
            assertThat(s.settle(SETTLE)).isTrue();
            return Map.copyOf(s.state().coverage());
        }
    }

    /** The answers in order, each after the monitors of the one before settled; the last turn's record. */
    private TurnRecord conversation(ModelJudges judges, String... answers) {
        TalkHarness h = harness(judges);
        try (Session s = h.open(h.stage(briefing()))) {
            s.open(t -> { }).join();
            TurnRecord last = null;
            for (String a : answers) {
                last = s.respond(a, t -> { }).join();
                assertThat(s.settle(SETTLE)).isTrue();
            }
            return last;
        }
    }

    private TalkHarness harness(ModelJudges judges) {
        TalkHarness.Builder b = TalkHarness.builder().model(offline).fallback(offline).events(events::add);
        if (judges != null) {
            b.judgeWith(judges);
        }
        return b.build();
    }

    private static Model model(SimulatedModelServer server) {
        return ModelFactory.withEnvironment(name -> null).create(server.modelString());
    }

    private List<String> outcomes(String monitor) {
        return events.stream().filter(e -> e instanceof TalkEvent.JudgeAsked j && j.monitor().equals(monitor))
                .map(e -> ((TalkEvent.JudgeAsked) e).outcome()).toList();
    }

    private static List<Signal.EmotionNoted> emotions(SessionState s) {
        return List.copyOf(s.emotions());
    }

    private static Briefing briefing() {
        return new Briefing("Understand how analysts use AI tools in their work.", "en", List.of("en"), Duration.ofMinutes(30),
                List.of(new Objective("role", "Their work", "What they do and what a typical project looks like", 5, 0.5,
                                List.of("Could you tell me about your work and what a typical project looks like?",
                                        "What does a normal week look like for you?"), List.of("What makes a project go well?"),
                                List.of("work", "project")),
                        new Objective("usage", "How they use AI", "Where and when AI tools fit in", 5, 0.5,
                                List.of("Where in your work do you reach for AI tools?", "Walk me through the last time you used one."),
                                List.of(), List.of("ai", "tool", "use"))),
                Map.of(), List.of("One question at a time."), List.of(), "Hi, thanks for joining. Let's talk about your work.");
    }
}
