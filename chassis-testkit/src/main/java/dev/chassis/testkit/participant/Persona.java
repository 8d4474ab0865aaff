package dev.chassis.testkit.participant;

import dev.chassis.testkit.participant.reading.Tone;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a synthetic participant is and how they behave. Built by {@link PersonaFile#load} or
 * {@link #builder}; immutable.
 *
 * @param background     fields a recruiter would know (role, company size...)
 * @param lines          what they say, in their first language
 * @param contradiction  a statement planted early and contradicted later
 * @param languageSwitch from which answer on they speak another language, and what they say in it
 * @param codeSwitch     words of another language mixed into their answers
 * @param drift          a pet topic they drift to every few answers
 * @param emotional      a topic that moves them, with a lasting effect
 * @param refusals       topics they will not talk about
 * @param engagement     how their engagement starts and moves
 * @param reactions      how they take register, empathy, specific questions and their own words quoted
 * @param style          pace, answer length and effort
 */
public record Persona(String id, String name, String language, Map<String, String> background, Lines lines,
                      Optional<Contradiction> contradiction, Optional<LanguageSwitch> languageSwitch, Optional<CodeSwitch> codeSwitch,
                      Optional<Drift> drift, Optional<Emotional> emotional, List<Refusal> refusals, Engagement engagement,
                      Reactions reactions, Style style) {

    public Persona {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        background = Map.copyOf(background);
        refusals = List.copyOf(refusals);
    }

    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** Words that make a question about this topic, and what is said about it, in order. */
    public record Topic(List<String> keywords, List<String> say) {
        public Topic {
            keywords = List.copyOf(keywords);
            say = List.copyOf(say);
        }

        /**
         * Whether {@code lower} (lower-cased) says one of the keywords as the persona hears words in {@code language}: the touch
         * on a hidden fact that a follow-up can dig into.
         */
        public boolean touchedBy(String lower, String language) {
            return keywords.stream().anyMatch(k -> Hearing.containsWord(lower, k, language));
        }
    }

    /**
     * What they say in one language.
     *
     * @param answers by topic, one line per question on it
     * @param facts   hidden facts: said only when asked about their topic, or when a follow-up digs into
     *                an answer that touched it; the same index is the same fact in every language
     * @param general when a question touches none of their topics
     * @param fillers when disengaged
     */
    public record Lines(List<Topic> answers, List<Topic> facts, List<String> general, List<String> fillers) {
        public Lines {
            answers = List.copyOf(answers);
            facts = List.copyOf(facts);
            general = List.copyOf(general);
            fillers = List.copyOf(fillers);
        }
    }

    /** Says {@code early} about the topic first, and {@code late} from answer {@code from} on. */
    public record Contradiction(List<String> keywords, String early, String late, int from) {
        public Contradiction {
            keywords = List.copyOf(keywords);
        }
    }

    /**
     * From answer {@code from} on they answer in {@code to}. With {@code lines} they keep answering by
     * topic, their hidden facts and contradiction carried over; with only {@code say} they say those
     * lines in turn, whatever is asked.
     *
     * @param contradiction the halves of their contradiction in the new language, if written
     * @param until         the last answer in {@code to}, if they go back to their first language after it
     */
    public record LanguageSwitch(int from, String to, List<String> say, Optional<Lines> lines, Optional<Halves> contradiction,
                                 java.util.OptionalInt until) {
        public LanguageSwitch {
            say = List.copyOf(say);
        }

        /** Whether answer {@code n} (from 1) is in the new language. */
        public boolean covers(int n) {
            return n >= from && (until.isEmpty() || n <= until.getAsInt());
        }
    }

    /** A contradiction's two statements in another language. */
    public record Halves(String early, String late) { }

    /** Every {@code every}th answer carries one of {@code phrases}, in {@code to}, inside it. */
    public record CodeSwitch(String to, int every, List<String> phrases) {
        public CodeSwitch {
            phrases = List.copyOf(phrases);
        }
    }

    /** Every {@code every}th answer wanders off to a pet topic with one of these lines. */
    public record Drift(int every, List<String> say) {
        public Drift {
            say = List.copyOf(say);
        }
    }

    /**
     * A topic that moves them. Saying it costs them {@code drop} engagement, and for the next
     * {@code answers} answers they say less and keep their hidden facts, unless the interviewer
     * acknowledges it first.
     */
    public record Emotional(Topic topic, double drop, int answers) { }

    /** A topic they refuse: they say {@code say}, and being asked again costs {@code reasked} engagement. */
    public record Refusal(List<String> keywords, String say, double reasked) {
        public Refusal {
            keywords = List.copyOf(keywords);
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

    /**
     * How they take the interviewer's manner; each a change of engagement (negative takes away).
     *
     * @param register      the form of address they expect, and what the other costs
     * @param empathy       an empathic acknowledgement after something hard
     * @param cold          a question straight after something hard, without acknowledging it
     * @param specific      a question asking for a concrete instance; they also say more
     * @param ownWords      a follow-up on their own words; they go on with that topic
     * @param wrongLanguage being asked in another language than the one they now speak
     */
    public record Reactions(Optional<Register> register, double empathy, double cold, double specific, double ownWords, double wrongLanguage) {
        public static final Reactions NONE = new Reactions(Optional.empty(), 0, 0, 0, 0, 0);
    }

    /** The form of address a person expects, and what the other one costs. */
    public record Register(Tone.Address expects, double mismatch) { }

    /** How much effort they put in. */
    public enum Effort {
        /** They answer what is asked. */
        NORMAL,
        /** Minimal, repetitive fillers (a likely-fraudulent participant), contradiction still planted. */
        LOW,
        /** Plausible generic lines whatever is asked, never a hidden fact, contradiction still planted. */
        FRAUDULENT
    }

    /**
     * @param pace        how long they take before answering
     * @param answerWords about how many words they say in an answer (whole sentences); 0 for as written
     */
    public record Style(Duration pace, int answerWords, Effort effort) {
        public static final Style DEFAULT = new Style(Duration.ofSeconds(4), 0, Effort.NORMAL);
    }

    /** Builds a {@link Persona}; every part but the lines has a default. */
    public static final class Builder {
        private final String id;
        private final String name;
        private String language = "en";
        private Map<String, String> background = Map.of();
        private Lines lines = new Lines(List.of(), List.of(), List.of(), List.of("I don't know."));
        private Optional<Contradiction> contradiction = Optional.empty();
        private Optional<LanguageSwitch> languageSwitch = Optional.empty();
        private Optional<CodeSwitch> codeSwitch = Optional.empty();
        private Optional<Drift> drift = Optional.empty();
        private Optional<Emotional> emotional = Optional.empty();
        private List<Refusal> refusals = List.of();
        private Engagement engagement = Engagement.DEFAULT;
        private Reactions reactions = Reactions.NONE;
        private Style style = Style.DEFAULT;

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder language(String l) {
            this.language = l;
            return this;
        }

        public Builder background(Map<String, String> b) {
            this.background = b;
            return this;
        }

        public Builder lines(Lines l) {
            this.lines = l;
            return this;
        }

        public Builder contradiction(Optional<Contradiction> c) {
            this.contradiction = c;
            return this;
        }

        public Builder languageSwitch(Optional<LanguageSwitch> s) {
            this.languageSwitch = s;
            return this;
        }

        public Builder codeSwitch(Optional<CodeSwitch> c) {
            this.codeSwitch = c;
            return this;
        }

        public Builder drift(Optional<Drift> d) {
            this.drift = d;
            return this;
        }

        public Builder emotional(Optional<Emotional> e) {
            this.emotional = e;
            return this;
        }

        public Builder refusals(List<Refusal> r) {
            this.refusals = r;
            return this;
        }

        public Builder engagement(Engagement e) {
            this.engagement = e;
            return this;
        }

        public Builder reactions(Reactions r) {
            this.reactions = r;
            return this;
        }

        public Builder style(Style s) {
            this.style = s;
            return this;
        }

        public Persona build() {
            return new Persona(id, name, language, background, lines, contradiction, languageSwitch, codeSwitch, drift, emotional,
                    refusals, engagement, reactions, style);
        }
    }
}
