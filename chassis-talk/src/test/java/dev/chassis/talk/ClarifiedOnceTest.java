package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.monitor.Monitor;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two statements put to the person once are not put to them again: whatever they answered, a monitor that reads the same
 * pair in a later turn (a German workshop's "our apprentice set it all up" against "when the masters left") does not
 * make the interviewer ask "which is closer?" a second and third time.
 */
class ClarifiedOnceTest {

    private static final Claim EARLIER = new Claim(1, "Unser Azubi hat alles eingerichtet", List.of("azubi"), false, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "start", Optional.empty());
    private static final Claim LATER = new Claim(2, "Als die Meister aufgehört haben, hat es keiner mehr benutzt", List.of("meister"), true,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "start", Optional.empty());

    private static final Claim OTHER = new Claim(4, "Wir machen die Rechnungen wieder auf Papier", List.of("papier"), false,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "start", Optional.empty());

    /** A monitor that raises {@code first} on every answer before turn {@code switchAt}, then {@code second} on every one. */
    private static Monitor raising(Claim[] first, Claim[] second, int switchAt) {
        return new Monitor() {
            public String name() {
                return "same-pair";
            }

            public List<Signal> observe(TurnView turn, SessionState snapshot) {
                Claim[] pair = turn.turn() < switchAt ? first : second;
                return turn.turn() < 2 ? List.of()
                        : List.of(new Signal.Contradiction(turn.turn(), name(), pair[0], pair[1], "negation", "a pair again"));
            }
        };
    }

    /** How many of eight turns put two statements to the person, with {@code monitor} raising pairs. */
    private static int clarifications(Monitor monitor) {
        TalkHarness h = Fixtures.harness().addMonitor(monitor).build();
        int clarified = 0;
        try (Session s = h.open(h.stage(Fixtures.briefing()))) {
            s.open(t -> { }).join();
            for (int i = 0; i < 8; i++) {
                TurnRecord r = s.respond("I set it up on my laptop one evening, and the bank connection kept timing out for a while.",
                        t -> { }).join();
                assertThat(s.settle(Duration.ofSeconds(30))).isTrue(); // the monitor's pair landed, however loaded the machine
                clarified += r.directive() instanceof Directive.Clarify ? 1 : 0;
            }
        }
        return clarified;
    }

    @Test
    void the_same_pair_raised_again_and_again_is_clarified_once() {
        Claim[] pair = {EARLIER, LATER};
        assertThat(clarifications(raising(pair, pair, 99))).isEqualTo(1);
    }

    @Test
    void the_same_pair_either_way_round_is_the_same_pair_and_a_new_pair_is_clarified() {
        // Raised the other way round from turn 4 on: still the same two statements. A new one set against the first: asked.
        assertThat(clarifications(raising(new Claim[] {EARLIER, LATER}, new Claim[] {LATER, EARLIER}, 4))).isEqualTo(1);
        assertThat(clarifications(raising(new Claim[] {EARLIER, LATER}, new Claim[] {EARLIER, OTHER}, 5))).isEqualTo(2);
    }
}
