package dev.chassis.research.eval.score;

import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.Persona;
import dev.chassis.testkit.participant.PersonaFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A hand-written interview to score: interviewer turns and answers in order, each answer saying what it did. */
final class Conversation {

    private static final String GUIDE_TEXT = """
            study: s
            title: T
            languages: [en, es]
            minutes: 20
            objectives:
              - id: start
                title: Getting started
                description: How they set up the app and what they tried first.
                priority: 5
                questions: ["How did you set up the app?", "What did you try first?"]
              - id: value
                title: The moment it became useful
                priority: 5
                questions: ["When did the app first feel useful?"]
                probes: ["What were you doing at that moment?"]
              - id: pricing
                title: Plans and pricing
                priority: 2
                questions: ["How did your team decide which plan to pay for?"]
            """;

    static final Guide GUIDE = GuideFile.parse(GUIDE_TEXT, "g.yaml");

    /** The same guide with its text in Spanish too. */
    static final Guide IN_SPANISH_TOO = GuideFile.parse(GUIDE_TEXT + """
            translations:
              - language: es
                objectives:
                  - id: start
                    title: Los comienzos
                    questions: ["¿Cómo configuraron la aplicación?", "¿Qué probaron primero con la aplicación?"]
                  - id: value
                    title: El momento en que fue útil
                    questions: ["¿Cuándo le resultó útil la aplicación por primera vez?"]
                  - id: pricing
                    title: Planes y precios
                    questions: ["¿Cómo decidió su equipo qué plan pagar?"]
            """, "g-es.yaml");

    static final Persona PERSONA = PersonaFile.parse("""
            name: P
            general: [fine]
            facts:
              - topic: [client]
                say: [a client almost left]
            refuses:
              - topic: [pricing, price, plan, pay]
                say: I'd rather not talk about pricing.
            """, "p.yaml", "p");

    private Guide guide = GUIDE;
    private final List<Exchange.Said> said = new ArrayList<>();
    private final List<AnswerNote> answers = new ArrayList<>();
    private Duration at = Duration.ZERO;
    private String language = "en";

    Conversation ai(String text) {
        said.add(new Exchange.Said(text, at, Duration.ofMillis(200), false));
        at = at.plusSeconds(30);
        return this;
    }

    Conversation p(String text, AnswerNote.Kind... kinds) {
        return answer(text, OptionalInt.empty(), OptionalInt.empty(), List.of(), kinds);
    }

    Conversation planted(String text, String planted, AnswerNote.Kind... kinds) {
        return answer(text, OptionalInt.empty(), OptionalInt.empty(), List.of(planted), kinds);
    }

    Conversation fact(String text, int fact) {
        return answer(text, OptionalInt.of(fact), OptionalInt.empty(), List.of(), AnswerNote.Kind.FACT);
    }

    Conversation refuses(String text, int refusal) {
        return answer(text, OptionalInt.empty(), OptionalInt.of(refusal), List.of(), AnswerNote.Kind.REFUSAL);
    }

    /** The interview follows {@code g} instead of the guide above. */
    Conversation guide(Guide g) {
        this.guide = g;
        return this;
    }

    /** From now on the participant answers in {@code l}. */
    Conversation speaking(String l) {
        this.language = l;
        return this;
    }

    private Conversation answer(String text, OptionalInt fact, OptionalInt refusal, List<String> planted, AnswerNote.Kind... kinds) {
        EnumSet<AnswerNote.Kind> k = EnumSet.noneOf(AnswerNote.Kind.class);
        k.addAll(List.of(kinds));
        answers.add(new AnswerNote(answers.size() + 1, text, language, k, OptionalInt.empty(), fact, refusal, Optional.empty(), 0.8, planted));
        at = at.plusSeconds(30);
        return this;
    }

    Exchange exchange(boolean closedByInterviewer) {
        return new Exchange(guide, PERSONA, said, answers, closedByInterviewer, answers.stream().map(AnswerNote::engagement).toList(),
                Duration.ofMillis(800));
    }

    SessionScore score() {
        return Scoring.score(exchange(true), "full", 1);
    }
}
