package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The walks of the whole log that the end of an interview made at every turn near it (the code of {@code Angles.used}, the
 * angles asked anywhere in {@code Angles.next}, {@code Ending.answersOn}, {@code quoteProbes} and {@code returns} before),
 * kept as the oracle for what the session state now keeps as events come ({@code TakeUps}): {@link DepthReadingTest} compares
 * the two after every event of the 250 shared interviews and of the conversations written by hand.
 */
final class TakeUpsOracle {

    private TakeUpsOracle() {
    }

    /** Asserts that what steering reads from the state after {@code e} is what the walks of the log read. */
    static void check(SessionState s, List<String> objectives, SessionEvent e) {
        SteeringContext c = SteeringContext.of(s);
        assertThat(s.takeUps().deepens().stream().map(Directive.Deepen::angle).toList()).as("angles asked after %s", e).isEqualTo(askedBefore(s));
        assertThat((long) s.takeUps().quoteProbes()).as("quote-probes after %s", e).isEqualTo(quoteProbesBefore(s));
        for (String id : objectives) {
            assertThat(Angles.used(c, id)).as("angles used on %s after %s", id, e).isEqualTo(usedBefore(s, id));
            assertThat(s.takeUps().answersOn(id)).as("answers on %s after %s", id, e).isEqualTo(answersOnBefore(s, id));
            assertThat((long) s.takeUps().returns(id)).as("returns to %s after %s", id, e).isEqualTo(returnsBefore(s, id));
        }
    }

    private static Set<Angle> usedBefore(SessionState s, String objective) {
        Set<Angle> out = EnumSet.noneOf(Angle.class);
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Deepen m && m.objectiveId().equals(objective)) {
                out.add(m.angle());
            }
        }
        return out;
    }

    private static List<Angle> askedBefore(SessionState s) {
        List<Angle> asked = new ArrayList<>();
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Deepen m) {
                asked.add(m.angle());
            }
        }
        return asked;
    }

    private static List<String> answersOnBefore(SessionState s, String objective) {
        List<String> out = new ArrayList<>();
        boolean on = false;
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.DirectiveIssued d) {
                on = d.directive().objective().filter(objective::equals).isPresent();
            } else if (e instanceof SessionEvent.UserSaid u && on) {
                out.add(u.text());
            }
        }
        return out;
    }

    private static long quoteProbesBefore(SessionState s) {
        return s.log().stream()
                .filter(e -> e instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Probe p
                        && !p.quote().isEmpty() && p.probe().isEmpty())
                .count();
    }

    private static long returnsBefore(SessionState s, String objective) {
        return s.log().stream()
                .filter(e -> e instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Probe p
                        && p.objectiveId().equals(objective) && !p.quote().isEmpty())
                .count();
    }
}
