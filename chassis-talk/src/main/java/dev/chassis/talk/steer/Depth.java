package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How deeply the person's own answers explored each objective, read by steering from the conversation itself (not from the
 * coverage monitor's level, which a keyword can raise). An answer counts for the objective of the question it answers when it
 * says something of substance about it: enough words, not a hedge, not a refusal, not what they said before in other words
 * ("Like I said, ..."), and on that objective: sharing content with its description, questions or follow-ups (in any of the
 * guide's wordings) or with the question asked, and not more about another objective than about this one. An off-topic remark,
 * however long, counts for nothing. An objective is deep enough with two such answers, one when the guide plans a single
 * question and no follow-up for it (as the coverage monitor asks).
 *
 * <p>Read only when the interview is about to end: it walks the session's log once.
 */
final class Depth {

    /** The guide's priorities from this one up (of 1 to 5) are the objectives an interview must not leave shallow. */
    static final int PRIORITY = 4;
    /** An answer of fewer words says too little to explore anything. */
    private static final int SUBSTANTIAL_WORDS = 8;
    /** Share of an answer's content already said in one earlier answer that makes it a restatement. */
    private static final double RESTATED = 0.7;

    private final Map<String, Integer> answers;
    private final Set<String> nothingMore;

    private Depth(Map<String, Integer> answers, Set<String> nothingMore) {
        this.answers = answers;
        this.nothingMore = nothingMore;
    }

    /** The substantive answers per objective in this session so far. */
    static Depth of(SessionState s) {
        Briefing b = s.staged().briefing();
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        for (Objective o : b.objectives()) {
            topics.put(o.id(), topic(b, o.id(), s.language()));
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        b.objectives().forEach(o -> answers.put(o.id(), 0));
        List<Set<String>> earlier = new ArrayList<>();
        Set<String> nothingMore = new HashSet<>();
        Optional<String> asking = Optional.empty();
        boolean takingUp = false;
        String asked = "";
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.DirectiveIssued d) {
                asking = on(d.directive());
                takingUp = Ending.takingUp(d.directive());
                asked = d.directive().question().orElse("") + " " + switch (d.directive()) {
                    case Directive.Probe p -> p.quote();
                    case Directive.Deepen m -> m.topic();
                    default -> "";
                };
            } else if (e instanceof SessionEvent.UserSaid u) {
                Set<String> said = Analysis.termSet(u.text(), s.language());
                if (asking.isPresent() && counts(u.text(), said, asking.get(), asked, topics, earlier, s.language())) {
                    answers.merge(asking.get(), 1, Integer::sum);
                }
                if (takingUp && asking.isPresent() && Cues.of(s.language()).words(u.text()) >= SUBSTANTIAL_WORDS && restates(said, earlier)) {
                    nothingMore.add(asking.get()); // taken up again, they said what they had said: nothing more to draw out there
                }
                earlier.add(said);
            }
        }
        return new Depth(answers, nothingMore);
    }

    /**
     * Whether {@code objectiveId} was taken up again at the end and answered with what the person had said before ("Like I
     * said, ..."): they have nothing more on it, and asking on would be pestering.
     */
    boolean nothingMore(String objectiveId) {
        return nothingMore.contains(objectiveId);
    }

    /** Whether an answer's content was said before, in the same or nearly the same words, in one earlier answer. */
    private static boolean restates(Set<String> said, List<Set<String>> earlier) {
        for (Set<String> before : earlier) {
            if (!said.isEmpty() && shared(said, before) >= RESTATED * said.size()) {
                return true;
            }
        }
        return false;
    }

    /** Substantive answers on {@code objectiveId}. */
    int answers(String objectiveId) {
        return answers.getOrDefault(objectiveId, 0);
    }

    /** Whether {@code o} was explored deeply enough. */
    boolean deepEnough(Objective o) {
        return answers(o.id()) >= (o.questions().size() + o.probes().size() > 1 ? 2 : 1);
    }

    /** The priority objectives not explored deeply enough, most important first; a declined one is never shallow. */
    List<Objective> shallow(Briefing b, QuestionPlan plan) {
        return b.objectives().stream()
                .filter(o -> o.priority() >= PRIORITY && !plan.declined(o.id()) && !deepEnough(o))
                .sorted(Comparator.comparingInt(Objective::priority).reversed())
                .toList();
    }

    /** The objective a directive asks about: one that asks something of the person on it. */
    private static Optional<String> on(Directive d) {
        return switch (d) {
            case Directive.Acknowledge a -> a.followUp().isBlank() ? Optional.empty() : a.objective();
            case Directive.Clarify x -> Optional.empty(); // a clarification asks about two claims, not about an objective
            default -> d.objective();
        };
    }

    private static boolean counts(String text, Set<String> said, String objective, String asked, Map<String, Set<String>> topics,
                                  List<Set<String>> earlier, String language) {
        Cues cues = Cues.of(language);
        int words = cues.words(text);
        if (words < SUBSTANTIAL_WORDS || Declining.topic(text, language).isPresent()
                || words < 2 * SUBSTANTIAL_WORDS && !cues.found(Cues.lower(text), cues.hedges()).isEmpty()) {
            return false;
        }
        if (restates(said, earlier)) {
            return false; // said before, in the same or nearly the same words: nothing new on it
        }
        Set<String> here = new HashSet<>(topics.get(objective));
        here.addAll(Analysis.termSet(asked, language));
        int on = shared(said, here);
        if (on == 0) {
            return false; // off the topic: nothing of what the objective or the question is about
        }
        int own = shared(said, topics.get(objective));
        for (Map.Entry<String, Set<String>> other : topics.entrySet()) {
            if (!other.getKey().equals(objective) && shared(said, other.getValue()) >= 2 && shared(said, other.getValue()) > own) {
                return false; // an answer about another objective, given here
            }
        }
        return true;
    }

    private static int shared(Set<String> said, Set<String> other) {
        int n = 0;
        for (String w : said) {
            n += other.contains(w) ? 1 : 0;
        }
        return n;
    }

    /** The stemmed words of an objective in every wording the guide gives it, read in the session's language. */
    private static Set<String> topic(Briefing b, String id, String language) {
        Set<String> out = new HashSet<>();
        for (Objective o : b.everyWording(id)) {
            out.addAll(Analysis.termSet(String.join(" ", o.title(), o.description(), String.join(" ", o.questions()),
                    String.join(" ", o.probes())), language));
        }
        return out;
    }
}
