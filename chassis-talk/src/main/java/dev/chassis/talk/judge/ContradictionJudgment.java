package dev.chassis.talk.judge;

import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.monitor.TurnView;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Does the answer contradict something the person stated earlier, across wordings, paraphrases and languages?
 * The judge sees the person's earlier answers with their turns (not only what the claim rules extracted) and
 * names the one contradicted: that becomes the
 * {@link Signal.Contradiction} put back on the next turn; "none" withdraws a lexical alarm (word rules pair
 * unrelated negatives). Claims noted stay lexical.
 */
final class ContradictionJudgment implements Judgment<ContradictionJudgment.Answer> {

    /** The judge's answer; {@code earlierTurn} 0 when there is no contradiction. */
    record Answer(boolean contradiction, int earlierTurn, String explanation) { }

    /** Earlier answers shown to the judge, the latest ones. */
    private static final int SHOWN = 12;
    private static final String JSON = "{\"contradiction\": true|false, \"earlier_turn\": the turn number of the statement "
            + "contradicted (0 if none), \"explanation\": \"one short sentence\"}";

    @Override
    public ModelJudges.Kind kind() {
        return ModelJudges.Kind.CONTRADICTION;
    }

    @Override
    public Class<Answer> answer() {
        return Answer.class;
    }

    @Override
    public Optional<Prompt> question(TurnView turn, SessionState s, List<Signal> lexical) {
        List<Line> earlier = earlier(turn, s);
        if (earlier.isEmpty() || turn.text().strip().split("\\s+").length < 3) {
            return Optional.empty();
        }
        StringBuilder m = new StringBuilder("Earlier answers:\n");
        earlier.forEach(l -> m.append("turn ").append(l.turn()).append(": ").append(Judgment.quoted(l.text())).append('\n'));
        m.append("Now, turn ").append(turn.turn()).append(": ").append(Judgment.quoted(turn.text()));
        return Optional.of(Judgment.ask(kind(), "Does the new answer contradict something the person said earlier, so that both cannot "
                + "be true of the same person (numbers, frequencies, never versus a story of it happening, before versus after, who "
                + "did what, in any language)? A change of topic, a nuance or an added detail is no contradiction.", JSON, m.toString()));
    }

    @Override
    public List<Signal> merge(Answer a, TurnView turn, SessionState s, List<Signal> lexical) {
        List<Signal> out = new ArrayList<>(lexical);
        if (!a.contradiction()) {
            out.removeIf(x -> x instanceof Signal.Contradiction);
            return out;
        }
        if (out.stream().anyMatch(x -> x instanceof Signal.Contradiction c && c.earlier().turn() == a.earlierTurn())) {
            return out;
        }
        Line said = earlier(turn, s).stream().filter(l -> l.turn() == a.earlierTurn()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("turn " + a.earlierTurn() + " is not an earlier answer"));
        String topic = turn.prompt().flatMap(Directive::objective).orElse(s.currentObjective());
        Claim earlier = s.claims().stream().filter(c -> c.turn() == said.turn()).findFirst().orElseGet(() -> whole(said.turn(), said.text(), topic));
        Claim later = lexical.stream().filter(x -> x instanceof Signal.ClaimNoted).map(x -> ((Signal.ClaimNoted) x).claim()).findFirst()
                .orElseGet(() -> whole(turn.turn(), turn.text(), topic));
        out.removeIf(x -> x instanceof Signal.Contradiction);
        out.add(new Signal.Contradiction(turn.turn(), "contradiction", earlier, later, "judged", a.explanation().strip()));
        return out;
    }

    /** An answer as a claim, when the claim rules found none in it. */
    private static Claim whole(int turn, String text, String topic) {
        return new Claim(turn, text.strip(), List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), topic);
    }

    private static List<Line> earlier(TurnView turn, SessionState s) {
        List<Line> all = s.transcript().stream().filter(l -> l.speaker() == Line.Speaker.USER && l.turn() < turn.turn()).toList();
        return all.subList(Math.max(0, all.size() - SHOWN), all.size());
    }
}
