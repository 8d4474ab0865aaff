package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.language.Languages;
import dev.chassis.talk.text.Detection;
import dev.chassis.talk.text.Feelings;
import java.util.List;

/**
 * Notices emotional moments in the person's language ({@link Feelings}: loss or harm, distress with
 * intensity or in the first person, negation-aware, pride and joy), with the sentence that carried
 * them, so steering can acknowledge before moving on and the state remembers them. A cheap check on the
 * turn's path, so the reply to the very answer that carried the moment can acknowledge it; the full reading beside.
 */
public final class EmotionMonitor implements Monitor {

    /** The glance's readings, for the full reading of the same turn (the same words in the same language are read once). */
    private final TurnFeelings feelings = new TurnFeelings();

    @Override
    public String name() {
        return "emotion";
    }

    /**
     * On the turn's path, the cheap check: the cue lists of the session's language, and of the language the answer is
     * clearly in by script and function words ({@link Detection#quick}), so the reply to this very answer can meet it.
     */
    @Override
    public List<Signal> glance(TurnView turn, SessionState s) {
        return read(turn, s, Detection.quick(turn.text(), Languages.CODES));
    }

    /**
     * Beside the turn, the full reading (the answer's language by Lingua too): a moment the glance missed, or one it
     * read as milder than strong, lands for the next turn; one the glance raised is not raised again.
     */
    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        List<Signal> full = read(turn, s, LanguageMonitor.detect(turn.text(), false));
        double onPath = s.emotions().stream().filter(e -> e.turn() == turn.turn()).mapToDouble(Signal.EmotionNoted::intensity).max().orElse(-1);
        if (onPath < 0) {
            return full;
        }
        return full.stream().filter(x -> x instanceof Signal.EmotionNoted e && e.intensity() >= Feelings.STRONG && onPath < Feelings.STRONG)
                .toList();
    }

    private List<Signal> read(TurnView turn, SessionState s, String spoken) {
        // In the language the person is speaking now, which may not be the session's yet.
        var moment = feelings.read(turn.text(), s.language());
        if (spoken != null && !spoken.equals(s.language())) {
            var there = feelings.read(turn.text(), spoken);
            if (there.isPresent() && (moment.isEmpty() || there.get().intensity() > moment.get().intensity())) {
                moment = there;
            }
        }
        return moment
                .map(m -> List.<Signal>of(new Signal.EmotionNoted(turn.turn(), name(), m.sentence(), m.valence(), m.intensity())))
                .orElse(List.of());
    }
}
