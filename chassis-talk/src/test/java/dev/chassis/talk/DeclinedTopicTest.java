package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A topic declined while the interview is on another objective is left alone for the rest of it: the guide's section
 * on that topic (its keywords name it) is neither moved to nor dug into with its follow-ups, even with time left.
 */
class DeclinedTopicTest {

    private static final Objective MONEY = new Objective("money", "Money", "How they plan their month", 4, 0.3,
            List.of("How do you plan your month with it?"), List.of("What happens at the end of the month?"),
            List.of("budget", "money", "spending"));

    private static Briefing briefing() {
        return new Briefing("Learn how people get started with a budgeting app.", "en", List.of("en"), Duration.ofMinutes(20),
                List.of(new Objective("start", "Getting started", "How they set up the app", 5, 0.4,
                                List.of("How did you first set up the app?", "What was the first thing you tried to do with it?"),
                                List.of("What did you expect to happen there?"), List.of("setup", "signup", "account")),
                        MONEY,
                        new Objective("wishes", "Wishes", "What they would change", 2, 0.3,
                                List.of("If you could change one thing about the app, what would it be?"),
                                List.of("Why that one?"), List.of("change"))),
                Map.of(), List.of(), List.of(), "Hi, thanks for joining.");
    }

    @Test
    void a_topic_declined_during_another_objective_is_never_asked_about() {
        TalkHarness h = Fixtures.harness().build();
        List<String> money = new ArrayList<>(MONEY.questions());
        money.addAll(MONEY.probes());
        try (Session s = h.open(h.stage(briefing()))) {
            s.open(t -> { }).join();
            TurnRecord r = s.respond("I'd rather not talk about money, if that's all right.", t -> { }).join();
            assertThat(r.directive()).isInstanceOfSatisfying(Directive.Respect.class, d -> assertThat(d.toObjective()).isNotEqualTo("money"));
            for (int turn = 0; turn < 12 && !(r.directive() instanceof Directive.WrapUp); turn++) {
                r = s.respond("I mostly keep it open on my phone and check it on the bus to work, it's become a habit by now.", t -> { }).join();
                assertThat(r.directive().question().orElse("")).as("turn %d", turn).isNotIn(money);
            }
            // Steering reads the declined topics from the state's own list, not the log: it must hold exactly the log's
            // Respect directives, in order, and come back the same when the log is replayed (a resumed session).
            SessionState state = s.state();
            List<Directive.Respect> inLog = state.log().stream().filter(SessionEvent.DirectiveIssued.class::isInstance)
                    .map(e -> ((SessionEvent.DirectiveIssued) e).directive()).filter(Directive.Respect.class::isInstance)
                    .map(Directive.Respect.class::cast).toList();
            assertThat(inLog).hasSize(1);
            assertThat(state.declines()).containsExactlyElementsOf(inLog);
            assertThat(SessionLog.replay(state.log(), e -> { }).snapshot().declines()).containsExactlyElementsOf(inLog);
        }
    }
}
