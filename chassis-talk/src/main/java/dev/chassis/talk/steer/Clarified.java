package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionEvent;
import java.util.List;

/**
 * Which pairs of statements were put to the person already. The contradiction monitor reads every new answer against the
 * earlier ones, so the same two statements come back turn after turn; whatever the person answered the first time, putting
 * them again is a repeated question (a German interview was asked "Wie passt das zusammen?" about one pair three times).
 */
final class Clarified {

    /** How far back the clarifications already made are looked for: the recent conversation, so the cost stays flat. */
    private static final int RECENT_EVENTS = 400;

    private Clarified() {
    }

    /** Whether this pair (the same two statements, either way round) was put to the person before. */
    static boolean before(List<SessionEvent> log, Signal.Contradiction x) {
        String a = x.earlier().quote();
        String b = x.later().quote();
        for (int i = log.size() - 1; i >= Math.max(0, log.size() - RECENT_EVENTS); i--) {
            if (log.get(i) instanceof SessionEvent.DirectiveIssued d && d.directive() instanceof Directive.Clarify k) {
                String e = k.earlier().quote();
                String l = k.later().quote();
                if (e.equals(a) && l.equals(b) || e.equals(b) && l.equals(a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
