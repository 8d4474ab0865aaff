package dev.chassis.talk.judge;

import dev.chassis.core.model.Prompt;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Is there an emotional moment in the answer (a loss, harm, distress, pride), in whatever words and language?
 * A moment the lexical tier missed becomes an {@link Signal.EmotionNoted} for the next turn, quoting the words
 * that carried it (which must be the person's own); "no moment" withdraws the lexical reading beside the turn.
 * One raised on the turn's path already steered its reply and stays.
 */
final class EmotionJudgment implements Judgment<EmotionJudgment.Answer> {

    /** The judge's answer. */
    record Answer(boolean moment, double valence, double intensity, String quote) {
        Answer {
            if (valence < -1 || valence > 1 || intensity < 0 || intensity > 1) {
                throw new IllegalArgumentException("valence must be -1..1 and intensity 0..1, were " + valence + " and " + intensity);
            }
        }
    }

    private static final String JSON = "{\"moment\": true|false, \"valence\": -1.0 (distress) to 1.0 (joy), "
            + "\"intensity\": 0.0 to 1.0 (0.6 or more: acknowledge before any new question), \"quote\": \"the words that carry it, copied exactly\"}";

    @Override
    public ModelJudges.Kind kind() {
        return ModelJudges.Kind.EMOTION;
    }

    @Override
    public Class<Answer> answer() {
        return Answer.class;
    }

    @Override
    public Optional<Prompt> question(TurnView turn, SessionState s, List<Signal> lexical) {
        if (turn.text().strip().split("\\s+").length < 3) {
            return Optional.empty();
        }
        return Optional.of(Judgment.ask(kind(), "Does the person express an emotional moment: a loss, harm to themselves or someone "
                + "in their care, distress, fear, shame, or pride and joy? Read negation carefully (\"nobody was hurt\" is no moment).",
                JSON, "Answer: " + Judgment.quoted(turn.text())));
    }

    @Override
    public List<Signal> merge(Answer a, TurnView turn, SessionState s, List<Signal> lexical) {
        List<Signal> out = new ArrayList<>(lexical);
        out.removeIf(x -> x instanceof Signal.EmotionNoted);
        boolean onPath = s.emotions().stream().anyMatch(e -> e.turn() == turn.turn());
        if (!a.moment() || onPath) {
            return out;
        }
        String quote = a.quote().strip();
        if (quote.isEmpty() || !turn.text().toLowerCase(Locale.ROOT).contains(quote.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the quote '" + quote + "' is not in the answer");
        }
        out.add(new Signal.EmotionNoted(turn.turn(), "emotion", quote, a.valence(), a.intensity()));
        return out;
    }
}
