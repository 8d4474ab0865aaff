package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import org.junit.jupiter.api.Test;

/** An offer to say more ("Happy to go into detail on that") is taken up: the next turn asks for the detail. */
class InvitationTest {

    @Test
    void an_offer_to_say_more_is_taken_up_on_what_was_said_before_it() {
        TalkHarness h = Fixtures.harness().build();
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            String account = "I set it up on my laptop one evening, and the bank connection kept timing out every few minutes.";
            s.respond(account, t -> { }).join();
            TurnRecord r = s.respond("Happy to go into detail on that, it's one of my favourite topics actually.", t -> { }).join();
            assertThat(r.directive()).isInstanceOfSatisfying(Directive.Probe.class, p -> {
                if (!p.quote().isEmpty()) {
                    assertThat(account).contains(p.quote());
                } else {
                    assertThat(p.probe()).isNotBlank();
                }
            });
        }
    }
}
