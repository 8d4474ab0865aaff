package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Feelings;
import java.util.List;

/**
 * Notices emotional moments in the person's language ({@link Feelings}: loss or harm, distress with
 * intensity or in the first person, negation-aware, pride and joy), with the sentence that carried
 * them, so steering can acknowledge before moving on and the state remembers them. Cheap: it runs on
 * the turn's path, so the reply to the very answer that carried the moment can acknowledge it.
 */
public final class EmotionMonitor implements Monitor {

    @Override
    public String name() {
        return "emotion";
    }

    @Override
    public boolean onTurnPath() {
        return true;
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        // In the language the person is speaking now, which may not be the session's yet.
        String spoken = LanguageMonitor.detect(turn.text(), false);
        var moment = Feelings.read(turn.text(), s.language());
        if (spoken != null && !spoken.equals(s.language())) {
            var there = Feelings.read(turn.text(), spoken);
            if (there.isPresent() && (moment.isEmpty() || there.get().intensity() > moment.get().intensity())) {
                moment = there;
            }
        }
        return moment
                .map(m -> List.<Signal>of(new Signal.EmotionNoted(turn.turn(), name(), m.sentence(), m.valence(), m.intensity())))
                .orElse(List.of());
    }
}
