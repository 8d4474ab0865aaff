package dev.chassis.talk.state;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How deeply the person's own answers explored each objective, kept answer by answer as the log grows (steering reads it when
 * the interview is about to end, which in a long interview is every turn once its objectives are covered: walking the whole
 * log there, every answer stemmed again and compared with every earlier one, made a turn's cost grow with the square of the
 * session). Read from the conversation itself, not from the coverage monitor's level, which a keyword can raise.
 *
 * <p>An answer counts for the objective of the question it answers when it says something of substance about it: enough
 * words without its asides ({@link #withoutAsides}), not a hedge, not a refusal, not what they said before in other words ("Like I said, ..."), and on that objective:
 * sharing content with its description, questions or follow-ups (in any of the guide's wordings) or with the question asked,
 * and not more about another objective than about this one. An off-topic remark, however long, counts for nothing. An
 * objective taken up again at the end ({@link #takesUp}) and answered with what they had said before has nothing more to draw
 * out.
 *
 * <p>Everything is read in the session's language now: when a directive changes it, the answers are read again in the new one
 * (once a switch), so the verdicts are those of reading the whole log in the language spoken when they are asked for.
 *
 * @param language    the language the answers and the objectives were read in
 * @param topics      per objective, the stemmed words of every wording the guide gives it
 * @param said        each answer's stemmed words, in order
 * @param answers     the substantive answers per objective
 * @param nothingMore the objectives taken up again and answered with what was said before
 * @param asking      the objective the latest directive asks about, if it asks about one
 * @param takingUp    whether the latest directive takes an objective up again at the end
 * @param asked       the stemmed words of what the latest directive asked (its question and what it quotes or names)
 */
public record AnswerDepth(String language, Map<String, Set<String>> topics, AppendOnlyList<Set<String>> said,
                          Map<String, Integer> answers, Set<String> nothingMore, Optional<String> asking, boolean takingUp,
                          Set<String> asked) {

    /** An answer of fewer words says too little to explore anything. */
    static final int SUBSTANTIAL_WORDS = 8;
    /** Share of an answer's content already said in one earlier answer that makes it a restatement. */
    static final double RESTATED = 0.7;

    /** Substantive answers on {@code objectiveId} so far. */
    public int answers(String objectiveId) {
        return answers.getOrDefault(objectiveId, 0);
    }

    /**
     * Whether {@code objectiveId} was taken up again at the end and answered with what the person had said before ("Like I
     * said, ..."): they have nothing more on it, and asking on would be pestering.
     */
    public boolean nothingMore(String objectiveId) {
        return nothingMore.contains(objectiveId);
    }

    /** A take-up of the end: the person's words quoted back, or a question from an angle. */
    public static boolean takesUp(Directive d) {
        return d instanceof Directive.Deepen || d instanceof Directive.Probe p && !p.quote().isEmpty() && p.probe().isEmpty();
    }

    /** Nothing answered yet, the objectives of {@code b} read in {@code language}. */
    static AnswerDepth start(Briefing b, String language) {
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Objective o : b.objectives()) {
            topics.put(o.id(), topic(b, o.id(), language));
            answers.put(o.id(), 0);
        }
        return new AnswerDepth(language, Collections.unmodifiableMap(topics), AppendOnlyList.empty(), Collections.unmodifiableMap(answers),
                Set.of(), Optional.empty(), false, Set.of());
    }

    /** The whole of {@code log} read in {@code language}: after a switch of language, once. */
    static AnswerDepth read(Briefing b, String language, List<SessionEvent> log) {
        AnswerDepth d = start(b, language);
        for (SessionEvent e : log) {
            if (e instanceof SessionEvent.DirectiveIssued i) {
                d = d.directed(i.directive());
            } else if (e instanceof SessionEvent.UserSaid u) {
                d = d.answered(u.text());
            }
        }
        return d;
    }

    /** After a directive: what it asks about is what the next answer answers. */
    AnswerDepth directed(Directive d) {
        String asked = d.question().orElse("") + " " + switch (d) {
            case Directive.Probe p -> p.quote();
            case Directive.Deepen m -> m.topic();
            default -> "";
        };
        return new AnswerDepth(language, topics, said, answers, nothingMore, on(d), takesUp(d), Analysis.termSet(asked, language));
    }

    /** After an answer: counted for the objective asked about when it says something new of substance on it. */
    AnswerDepth answered(String text) {
        Set<String> words = Collections.unmodifiableSet(Analysis.termSet(text, language));
        Map<String, Integer> counted = answers;
        Set<String> nothing = nothingMore;
        if (asking.isPresent()) {
            Cues cues = Cues.of(language);
            int length = cues.words(text);
            boolean restates = restates(words);
            Set<String> about = new HashSet<>(topics.getOrDefault(asking.get(), Set.of()));
            about.addAll(asked);
            if (counts(text, cues.words(withoutAsides(text, about, language)), words, restates, cues)) {
                Map<String, Integer> next = new LinkedHashMap<>(answers);
                next.merge(asking.get(), 1, Integer::sum);
                counted = Collections.unmodifiableMap(next);
            }
            if (takingUp && length >= SUBSTANTIAL_WORDS && restates && !nothingMore.contains(asking.get())) {
                // taken up again, they said what they had said: nothing more to draw out there
                Set<String> next = new HashSet<>(nothingMore);
                next.add(asking.get());
                nothing = Collections.unmodifiableSet(next);
            }
        }
        return new AnswerDepth(language, topics, said.plus(words), counted, nothing, asking, takingUp, asked);
    }

    /**
     * {@code answer} without its asides: a sentence after the first that shares no word with {@code about} (the objective and
     * the question asked) nor with the sentences kept before it ("Our head nurse does the ordering. Mind you, we're putting a
     * new roof on the barn at home."). An aside makes an answer long, not deep: an answer is as substantial as what it says on
     * the question. Sentences cut as the monitors cut them; a text of one sentence is kept whole.
     */
    public static String withoutAsides(String answer, Set<String> about, String language) {
        List<String> sentences = dev.chassis.talk.text.Runs.sentences(answer, dev.chassis.talk.text.Runs.ENDS, true);
        if (sentences.size() < 2) {
            return answer;
        }
        // Content words only: "we", "my", "so" are shared by any two sentences.
        StringBuilder kept = new StringBuilder(sentences.getFirst());
        Set<String> before = new HashSet<>(Analysis.termSet(sentences.getFirst(), language));
        for (String sentence : sentences.subList(1, sentences.size())) {
            Set<String> terms = content(Analysis.termSet(sentence, language), language);
            if (shared(terms, about) > 0 || shared(terms, before) > 0) {
                kept.append(sentence);
                before.addAll(terms);
            }
        }
        return kept.toString();
    }

    /** {@code terms} without the terms of the language's function words ({@link Cues#function}): what a text is about. */
    public static Set<String> content(Set<String> terms, String language) {
        Set<String> function = FUNCTION_TERMS.computeIfAbsent(language,
                l -> Set.copyOf(Analysis.termSet(String.join(" ", Cues.of(l).function()), l)));
        Set<String> out = new HashSet<>(terms);
        out.removeAll(function);
        return out;
    }

    /** Per language, the terms of its function words ({@link Cues#function}), read once. */
    private static final Map<String, Set<String>> FUNCTION_TERMS = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean counts(String text, int length, Set<String> words, boolean restates, Cues cues) {
        // A refusal is the declining of a topic (steering's Declining): one of the language's refusal phrases said.
        String lower = Cues.lower(text);
        if (length < SUBSTANTIAL_WORDS || !cues.found(lower, cues.refusal()).isEmpty()
                || length < 2 * SUBSTANTIAL_WORDS && !cues.found(lower, cues.hedges()).isEmpty()) {
            return false;
        }
        if (restates) {
            return false; // said before, in the same or nearly the same words: nothing new on it
        }
        Set<String> topic = topics.getOrDefault(asking.get(), Set.of());
        // Content words only: an answer that shares "the", "we" or "does" with the question shares nothing of what it asks.
        Set<String> content = content(words, language);
        if (shared(content, topic) == 0 && shared(content, asked) == 0) {
            return false; // off the topic: nothing of what the objective or the question is about
        }
        int own = shared(words, topic);
        for (Map.Entry<String, Set<String>> other : topics.entrySet()) {
            if (!other.getKey().equals(asking.get())) {
                int there = shared(words, other.getValue());
                if (there >= 2 && there > own) {
                    return false; // an answer about another objective, given here
                }
            }
        }
        return true;
    }

    /** Whether an answer's content was said before, in the same or nearly the same words, in one earlier answer. */
    private boolean restates(Set<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        double enough = RESTATED * words.size();
        for (Set<String> before : said) {
            // An earlier answer with fewer words than the share cannot hold it: most are passed over without a look-up.
            if (before.size() >= enough && shared(words, before) >= enough) {
                return true;
            }
        }
        return false;
    }

    /** The words {@code a} and {@code b} share, counted over the smaller. */
    private static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String w : small) {
            n += large.contains(w) ? 1 : 0;
        }
        return n;
    }

    /** The objective a directive asks about: one that asks something of the person on it. */
    private static Optional<String> on(Directive d) {
        return switch (d) {
            case Directive.Acknowledge a -> a.followUp().isBlank() ? Optional.empty() : a.objective();
            case Directive.Clarify x -> Optional.empty(); // a clarification asks about two claims, not about an objective
            default -> d.objective();
        };
    }

    /** The stemmed words of an objective in every wording the guide gives it, read in {@code language}. */
    private static Set<String> topic(Briefing b, String id, String language) {
        Set<String> out = new HashSet<>();
        for (Objective o : b.everyWording(id)) {
            out.addAll(Analysis.termSet(String.join(" ", o.title(), o.description(), String.join(" ", o.questions()),
                    String.join(" ", o.probes())), language));
        }
        return Collections.unmodifiableSet(out);
    }
}
