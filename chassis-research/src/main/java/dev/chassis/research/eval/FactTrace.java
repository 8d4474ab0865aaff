package dev.chassis.research.eval;

import dev.chassis.research.eval.score.Exchange;
import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far each of a persona's hidden facts got, from what the persona itself said: revealed; touched (an answer said one of
 * its words, so a follow-up on that answer would have dug it up, and none came that did); never touched (no answer came near
 * it: its topic was never asked). A diagnosis beside the facts score, from the participant's side: it tells an interviewer
 * that did not follow up from one that never got there, without anyone reading a frozen transcript.
 *
 * @param losses one per hidden fact, in the persona's order
 */
public record FactTrace(List<Loss> losses) {

    public FactTrace {
        losses = List.copyOf(losses);
    }

    /** How far one hidden fact got. */
    public enum Loss {
        NEVER_TOUCHED,
        TOUCHED,
        REVEALED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static FactTrace of(Exchange x) {
        List<Persona.Topic> facts = x.persona().lines().facts();
        List<Persona.Topic> switched = x.persona().languageSwitch().flatMap(Persona.LanguageSwitch::lines).map(Persona.Lines::facts).orElse(List.of());
        List<Loss> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            int fact = i;
            if (x.answers().stream().anyMatch(a -> a.fact().isPresent() && a.fact().getAsInt() == fact)) {
                out.add(Loss.REVEALED);
                continue;
            }
            boolean touched = false;
            for (AnswerNote a : x.answers()) {
                String said = a.text().toLowerCase(Locale.ROOT);
                touched |= facts.get(fact).touchedBy(said, a.language())
                        || fact < switched.size() && switched.get(fact).touchedBy(said, a.language());
            }
            out.add(touched ? Loss.TOUCHED : Loss.NEVER_TOUCHED);
        }
        return new FactTrace(out);
    }
}
