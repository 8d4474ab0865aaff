package dev.chassis.testkit.participant;

import dev.chassis.testkit.participant.AnswerNote.Kind;
import dev.chassis.testkit.participant.reading.Phrases;
import dev.chassis.testkit.participant.reading.Sentences;
import dev.chassis.testkit.participant.reading.Tone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A persona in a conversation. Answers each question from its topics, gives hidden facts only when
 * asked about them or when a follow-up digs into an answer that touched them, states its planted
 * contradiction, refuses its refused topics, drifts to its pet topic, mixes in words of another
 * language, switches language and keeps answering by topic in it, and reacts to how it is asked:
 * long, leading, double-barrelled or repeated questions cost engagement, a short warm one gives some
 * back, and so may the right register, empathy after something hard, a specific question or its own
 * words taken up. It reads the interviewer with its own reading ({@code reading}), never the
 * harness's. Every answer leaves an {@link AnswerNote}: the ground truth an evaluation scores against.
 * Deterministic: the same persona, seed and questions give the same answers. One conversation per
 * instance; not thread-safe.
 */
public final class SyntheticParticipant {

    /**
     * An answer, how long the person took to start it ({@code delay}, their thinking) and then to write it out
     * ({@code composing}: typed at their own speed, or pasted at once by a fraudulent participant).
     */
    public record Reply(String text, Duration delay, Duration composing, double engagement) { }

    private final Persona persona;
    private final SplittableRandom random;
    private final Map<Persona.Topic, Integer> used = new IdentityHashMap<>();
    private final Set<String> questions = new HashSet<>();
    private final Set<Integer> refused = new HashSet<>();
    private final List<Double> history = new ArrayList<>();
    private final List<AnswerNote> notes = new ArrayList<>();
    private final List<String> said = new ArrayList<>();
    private double engagement;
    private int answers;
    private boolean saidEarly;
    private boolean saidLate;
    private int lateAt;
    private boolean saidEmotional;
    private boolean justDisclosed;
    private int shaken;
    private Persona.Topic lastTopic;
    private int generalIndex;
    private int driftIndex;
    private int codeIndex;
    /** How fast they type, in words a second (about 36 to 54 words a minute): their own, drawn apart from the answers' draws. */
    private final double typingWordsPerSecond;

    public SyntheticParticipant(Persona persona, long seed) {
        this.persona = persona;
        this.random = new SplittableRandom(seed);
        this.engagement = persona.engagement().start();
        this.typingWordsPerSecond = 0.6 + 0.3 * new SplittableRandom(seed ^ 0x7479706eL).nextDouble();
    }

    public Persona persona() {
        return persona;
    }

    /** Engagement after each answer so far. */
    public List<Double> engagementHistory() {
        return List.copyOf(history);
    }

    /** What each answer so far did, in order. */
    public List<AnswerNote> notes() {
        return List.copyOf(notes);
    }

    /** Whether the planted contradiction has been stated both ways. */
    public boolean contradictionStated() {
        return saidEarly && saidLate;
    }

    /** The answer number at which the contradiction's second half was said, or 0. */
    public int contradictionAt() {
        return lateAt;
    }

    /** The language they speak now. */
    public String speaking() {
        return switched() ? persona.languageSwitch().orElseThrow().to() : persona.language();
    }

    /** Answers the interviewer's last words. */
    public Reply answer(String interviewer) {
        answers++;
        Hearing h = Hearing.of(interviewer, speaking(), said);
        OptionalInt refusal = refusalAsked(h);
        react(h, refusal);
        Answer a = compose(h, refusal);
        String text = a.text().strip();
        said.add(text);
        history.add(round(engagement));
        notes.add(new AnswerNote(answers, text, speaking(), a.kinds, a.topic, a.fact, refusal, a.mixedIn, round(engagement), a.planted));
        double jitter = 0.8 + 0.4 * random.nextDouble();
        Duration delay = Duration.ofMillis((long) (persona.style().pace().toMillis() * (1 + (1 - engagement)) * jitter));
        return new Reply(text, delay, composing(text), round(engagement));
    }

    /** Typing takes time in proportion to the words; a fraudulent participant pastes what it says. */
    private Duration composing(String text) {
        // Words as a person types them: a Japanese or Chinese answer has no spaces, but is not typed in an instant.
        int words = text.isBlank() ? 0 : Phrases.unspaced(text) ? Sentences.words(text) : text.split("\\s+").length;
        if (persona.style().effort() == Persona.Effort.FRAUDULENT) {
            return Duration.ofMillis(500 + 5L * text.length());
        }
        return Duration.ofMillis((long) (words / typingWordsPerSecond * 1000));
    }

    private boolean switched() {
        return persona.languageSwitch().filter(s -> s.covers(answers)).isPresent();
    }

    private OptionalInt refusalAsked(Hearing h) {
        for (int i = 0; i < persona.refusals().size(); i++) {
            if (h.mentions(persona.refusals().get(i).keywords())) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private void react(Hearing h, OptionalInt refusal) {
        Persona.Engagement e = persona.engagement();
        Persona.Reactions r = persona.reactions();
        double change = 0;
        change -= h.words() > 45 ? e.longQuestion() : 0;
        change -= h.verdict().leading() ? e.leading() : 0;
        change -= h.verdict().doubleBarrelled() ? e.doubleBarrelled() : 0;
        change -= !h.question().isEmpty() && !questions.add(h.question()) ? e.repeated() : 0;
        change += h.questionWords() <= 14 && h.warm() ? e.shortWarm() : 0;
        change += r.register().filter(reg -> h.address() != Tone.Address.NONE && h.address() != reg.expects())
                .map(Persona.Register::mismatch).orElse(0.0);
        if (justDisclosed) {
            change += h.empathyFirst() ? r.empathy() : r.cold();
            shaken = h.empathyFirst() ? Math.min(shaken, 1) : shaken;
            justDisclosed = false;
        }
        change += h.specific() ? r.specific() : 0;
        change += h.echo().isPresent() ? r.ownWords() : 0;
        change += h.language().filter(l -> !l.equals(speaking())).isPresent() ? r.wrongLanguage() : 0;
        if (refusal.isPresent() && refused.contains(refusal.getAsInt())) {
            change -= persona.refusals().get(refusal.getAsInt()).reasked();
        }
        engagement = Math.max(0.05, Math.min(1, engagement + change));
    }

    /** An answer being put together. */
    private static final class Answer {
        final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        final List<String> planted = new ArrayList<>();
        String main = "";
        String extra = "";
        OptionalInt topic = OptionalInt.empty();
        OptionalInt fact = OptionalInt.empty();
        Optional<String> mixedIn = Optional.empty();

        String text() {
            return (main + " " + extra).strip();
        }

        boolean is(Kind k) {
            return kinds.contains(k);
        }
    }

    private Answer compose(Hearing h, OptionalInt refusal) {
        Answer a = new Answer();
        Persona.Lines lines = lines();
        boolean wasShaken = shaken > 0;
        switch (persona.style().effort()) {
            case LOW -> filler(a, persona.lines().fillers().get(answers % persona.lines().fillers().size()));
            case FRAUDULENT -> general(a, lines);
            case NORMAL -> normal(h, refusal, a, lines);
        }
        plant(h, a);
        if (wasShaken && !a.is(Kind.EMOTIONAL)) {
            shaken--;
        }
        return a;
    }

    private void normal(Hearing h, OptionalInt refusal, Answer a, Persona.Lines lines) {
        Optional<Persona.Emotional> emotional = persona.emotional();
        if (refusal.isPresent()) {
            a.main = persona.refusals().get(refusal.getAsInt()).say();
            a.kinds.add(Kind.REFUSAL);
            if (!refused.add(refusal.getAsInt())) {
                a.kinds.add(Kind.REFUSAL_REPEATED);
            }
            return;
        }
        if (emotional.isPresent() && !saidEmotional && h.mentions(emotional.get().topic().keywords())) {
            a.main = emotional.get().topic().say().getFirst();
            a.kinds.add(Kind.EMOTIONAL);
            saidEmotional = true;
            justDisclosed = true;
            shaken = emotional.get().answers();
            engagement = Math.max(0.05, engagement - emotional.get().drop());
            return;
        }
        Optional<Persona.LanguageSwitch> sw = persona.languageSwitch().filter(s -> switched());
        if (sw.isPresent() && sw.get().lines().isEmpty()) {
            List<String> say = sw.get().say();
            a.main = say.get((answers - sw.get().from()) % say.size()); // lines in turn, whatever is asked
            a.kinds.add(Kind.GENERAL);
            return;
        }
        if (engagement < persona.engagement().fillerBelow()) {
            filler(a, lines.fillers().get(random.nextInt(lines.fillers().size())));
            return;
        }
        content(h, a, lines);
        a.main = shape(a.main, h);
        drift(a);
        codeSwitch(a);
    }

    private void content(Hearing h, Answer a, Persona.Lines lines) {
        int fact = shaken > 0 ? -1 : fact(h, lines);
        int topic = best(lines.answers(), h);
        if (fact >= 0) {
            a.main = next(lines.facts().get(fact));
            a.kinds.add(Kind.FACT);
            a.fact = OptionalInt.of(fact);
        } else if (topic >= 0) {
            lastTopic = lines.answers().get(topic);
            a.main = next(lastTopic);
            a.kinds.add(Kind.TOPIC);
            a.topic = OptionalInt.of(topic);
        } else if (h.followUp() && lastTopic != null && lines.answers().contains(lastTopic)
                && used.getOrDefault(lastTopic, 0) < lastTopic.say().size()) {
            a.main = next(lastTopic);
            a.kinds.add(Kind.TOPIC);
            a.kinds.add(Kind.FOLLOW_UP);
            a.topic = OptionalInt.of(lines.answers().indexOf(lastTopic));
        } else {
            general(a, lines);
        }
    }

    /** The hidden fact asked about directly, or dug up by a follow-up on an answer that touched it; -1 for none. */
    private int fact(Hearing h, Persona.Lines lines) {
        int best = best(lines.facts(), h);
        if (best >= 0 || !h.followUp() || said.isEmpty()) {
            return best;
        }
        String before = h.echo().orElse(said.getLast()).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lines.facts().size(); i++) {
            if (lines.facts().get(i).keywords().stream().anyMatch(k -> Hearing.containsWord(before, k, speaking()))) {
                return i;
            }
        }
        return -1;
    }

    private void general(Answer a, Persona.Lines lines) {
        if (lines.general().isEmpty()) {
            filler(a, lines.fillers().getFirst());
            return;
        }
        a.main = lines.general().get(generalIndex++ % lines.general().size());
        a.kinds.add(Kind.GENERAL);
    }

    private static void filler(Answer a, String line) {
        a.main = line;
        a.kinds.add(Kind.FILLER);
    }

    /** About their usual length, in whole sentences; more for a specific question, one sentence when disengaged or shaken. */
    private String shape(String text, Hearing h) {
        List<String> sentences = Sentences.split(text);
        if (sentences.size() <= 1) {
            return text;
        }
        if (engagement < 0.55 || shaken > 0) {
            return sentences.getFirst();
        }
        int limit = persona.style().answerWords();
        if (limit <= 0) {
            return text;
        }
        double max = limit * (h.specific() ? 1.5 : 1.0);
        StringBuilder out = new StringBuilder(sentences.getFirst());
        int words = Sentences.words(sentences.getFirst());
        for (int i = 1; i < sentences.size() && words + Sentences.words(sentences.get(i)) <= max; i++) {
            out.append(' ').append(sentences.get(i));
            words += Sentences.words(sentences.get(i));
        }
        return out.toString();
    }

    private void drift(Answer a) {
        persona.drift().filter(d -> answers % d.every() == 0).ifPresent(d -> {
            a.main = Sentences.split(a.main).stream().findFirst().orElse(a.main) + " " + d.say().get(driftIndex++ % d.say().size());
            a.kinds.add(Kind.DRIFT);
        });
    }

    private void codeSwitch(Answer a) {
        persona.codeSwitch().filter(c -> answers % c.every() == 0).ifPresent(c -> {
            String phrase = c.phrases().get(codeIndex++ % c.phrases().size());
            List<String> sentences = Sentences.split(a.main);
            a.main = sentences.size() < 2 ? a.main + " " + phrase
                    : sentences.getFirst() + " " + phrase + " " + String.join(" ", sentences.subList(1, sentences.size()));
            a.kinds.add(Kind.CODE_SWITCH);
            a.mixedIn = Optional.of(c.to());
        });
    }

    /** The planted contradiction: its first half early, its second from its answer on, in the language they now speak. */
    private void plant(Hearing h, Answer a) {
        persona.contradiction().ifPresent(c -> {
            Optional<Persona.Halves> translated = persona.languageSwitch().filter(s -> switched()).flatMap(Persona.LanguageSwitch::contradiction);
            if (!saidEarly && (answers >= 2 || h.mentions(c.keywords()))) {
                a.extra = translated.map(Persona.Halves::early).orElse(c.early());
                a.kinds.add(Kind.CONTRADICTION_EARLY);
                a.planted.add(a.extra);
                saidEarly = true;
            } else if (saidEarly && !saidLate && answers >= c.from()) {
                a.extra = translated.map(Persona.Halves::late).orElse(c.late());
                a.kinds.add(Kind.CONTRADICTION_LATE);
                a.planted.add(a.extra);
                saidLate = true;
                lateAt = answers;
            }
        });
    }

    private Persona.Lines lines() {
        return persona.languageSwitch().filter(s -> switched()).flatMap(Persona.LanguageSwitch::lines).orElse(persona.lines());
    }

    private String next(Persona.Topic topic) {
        int n = used.merge(topic, 1, Integer::sum) - 1;
        if (n < topic.say().size()) {
            return topic.say().get(n);
        }
        String last = topic.say().getLast();
        // Asked again: they repeat themselves (in English with a lead-in; in other languages as they said it).
        return speaking().equals("en") ? "Like I said, " + Character.toLowerCase(last.charAt(0)) + last.substring(1) : last;
    }

    private static int best(List<Persona.Topic> topics, Hearing h) {
        int best = -1;
        int bestHits = 0;
        for (int i = 0; i < topics.size(); i++) {
            int hits = h.hits(topics.get(i).keywords());
            if (hits > bestHits) {
                best = i;
                bestHits = hits;
            }
        }
        return best;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
