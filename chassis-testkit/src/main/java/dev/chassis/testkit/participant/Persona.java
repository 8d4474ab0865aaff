package dev.chassis.testkit.participant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a synthetic participant is. Built by {@link PersonaFile#load}.
 *
 * @param background    fields a recruiter would know (role, company size...)
 * @param answers       what they say about each topic, in order, one per question on it
 * @param facts         what they say only when asked about a topic directly (hidden facts)
 * @param general       what they say when a question touches none of their topics
 * @param fillers       what they say when disengaged
 * @param contradiction a statement planted early, contradicted later
 * @param languageSwitch from which answer on they speak another language
 * @param emotional     a topic that moves them
 * @param engagement    how their engagement starts and moves
 * @param pace          how long they take before answering
 * @param lowEffort     answers are minimal and repetitive (a likely-fraudulent participant)
 */
public record Persona(String id, String name, String language, Map<String, String> background, List<Topic> answers,
                      List<Topic> facts, List<String> general, List<String> fillers, Optional<Contradiction> contradiction,
                      Optional<LanguageSwitch> languageSwitch, Optional<Topic> emotional, Engagement engagement, Duration pace,
                      boolean lowEffort) {

    public Persona {
        background = Map.copyOf(background);
        answers = List.copyOf(answers);
        facts = List.copyOf(facts);
        general = List.copyOf(general);
        fillers = List.copyOf(fillers);
    }

    /** Words that make a question about this topic, and what is said about it. */
    public record Topic(List<String> keywords, List<String> say) {
        public Topic {
            keywords = List.copyOf(keywords);
            say = List.copyOf(say);
        }
    }

    /** Says {@code early} about the topic first, and {@code late} from answer {@code from} on. */
    public record Contradiction(List<String> keywords, String early, String late, int from) { }

    /** From answer {@code from} on, answers in {@code to}, with these lines. */
    public record LanguageSwitch(int from, String to, List<String> say) {
        public LanguageSwitch {
            say = List.copyOf(say);
        }
    }

    /**
     * Engagement from 0 to 1: where it starts, what each kind of question takes away, and what a short
     * warm one gives back. Below {@code fillerBelow} the person answers with fillers.
     */
    public record Engagement(double start, double longQuestion, double leading, double doubleBarrelled, double repeated,
                             double shortWarm, double fillerBelow) {
        public static final Engagement DEFAULT = new Engagement(0.8, 0.2, 0.25, 0.2, 0.3, 0.15, 0.35);
    }
}
