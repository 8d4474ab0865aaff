package dev.chassis.talk.judge;

import dev.chassis.core.model.Prompt;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.util.List;
import java.util.Optional;

/**
 * One monitor's question to the judge and how its answer becomes that monitor's signals. A closed set: the
 * three monitors a model reads better than word lists.
 *
 * @param <A> the answer's shape, a record read strictly from the model's JSON
 */
sealed interface Judgment<A> permits CoverageJudgment, EmotionJudgment, ContradictionJudgment {

    ModelJudges.Kind kind();

    Class<A> answer();

    /** The question about this turn, or empty when there is nothing to judge. */
    Optional<Prompt> question(TurnView turn, SessionState snapshot, List<Signal> lexical);

    /**
     * The signals the monitor raises given the judge's answer, in place of {@code lexical} (the lexical tier's signals
     * beside the turn; those it raised on the turn's path are in {@code snapshot} and stay).
     *
     * @throws IllegalArgumentException when the answer is not grounded in the turn (a quote it does not contain, a turn
     *                                  with no claim): it is then malformed and the lexical verdict stands
     */
    List<Signal> merge(A answer, TurnView turn, SessionState snapshot, List<Signal> lexical);

    /** A question to the judge: what to do, the JSON to answer with, and the material. */
    static Prompt ask(ModelJudges.Kind kind, String task, String json, String material) {
        return Prompt.of(dev.chassis.core.model.Message.system("Monitor: " + kind.label() + ". You read one answer of a research "
                        + "interview beside the conversation. " + task + " Reply with exactly one JSON object and nothing else: " + json),
                dev.chassis.core.model.Message.user(material))
                .withTemperature(0).withMaxOutputTokens(120);
    }

    /** Quoted for the material, with quotes inside escaped away. */
    static String quoted(String text) {
        return "\"" + text.replace("\"", "'").strip() + "\"";
    }
}
