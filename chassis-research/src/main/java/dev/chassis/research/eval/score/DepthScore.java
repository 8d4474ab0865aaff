package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.AnswerNote;
import dev.chassis.testkit.participant.reading.Phrases;
import dev.chassis.testkit.participant.reading.QuestionChecker;
import dev.chassis.testkit.participant.reading.Tokens;
import dev.chassis.talk.stage.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How deeply each objective was explored and how the interview used its time. Each interviewer turn
 * is attributed to the objective it asks about (the one it names by its title, else one of its questions or probes, or its words; a
 * follow-up on the last answer stays with the objective before), and the answer that follows counts
 * for that objective when the participant said something of their own (not a filler, general line,
 * refusal or drift: the persona knows which). An objective is deep enough with two such answers (one
 * when it plans a single question and no probe). An objective the participant declined (their answer to a question on it
 * was a refusal, as their own note says) cannot be deepened and is never shallow.
 *
 * @param depth        substantive answers per objective
 * @param shallow      objectives not deep enough, priority 4 or 5 only
 * @param used         share of the guide's time the interview took
 * @param endedEarly   whether the interviewer closed it with more than 30% of the time unused
 */
public record DepthScore(Map<String, Integer> depth, int deep, int objectives, List<String> shallow, double used, boolean endedEarly) {

    /** Unused time beyond this share, with a priority objective shallow, is an interview cut short. */
    static final double UNUSED = 0.3;
    static final int PRIORITY = 4;

    public DepthScore {
        depth = Map.copyOf(depth);
        shallow = List.copyOf(shallow);
    }

    /** Whether it ended early while a priority objective was still shallow. */
    public boolean cutShort() {
        return endedEarly && !shallow.isEmpty();
    }

    /** Share of objectives deep enough. */
    public double share() {
        return objectives == 0 ? 1 : deep / (double) objectives;
    }

    static DepthScore of(Exchange x) {
        List<Objective> objectives = x.guide().objectives();
        Map<String, Integer> depth = new LinkedHashMap<>();
        objectives.forEach(o -> depth.put(o.id(), 0));
        String current = null;
        java.util.Set<String> declined = new java.util.HashSet<>();
        for (int k = 0; k < x.interviewer().size(); k++) {
            String text = x.interviewer().get(k).text();
            String objective = attribute(x, k, text, objectives);
            current = objective != null ? objective : followsUp(x, k, text) ? current : null;
            AnswerNote next = k < x.answers().size() ? x.answers().get(k) : null;
            if (current != null && next != null && next.substantive()) {
                depth.merge(current, 1, Integer::sum);
            }
            if (current != null && next != null && next.is(AnswerNote.Kind.REFUSAL)) {
                declined.add(current); // the person said they would rather not: it cannot be deepened, so it is not shallow
            }
        }
        int deep = 0;
        List<String> shallow = new ArrayList<>();
        for (Objective o : objectives) {
            int needed = o.questions().size() + o.probes().size() > 1 ? 2 : 1;
            boolean ok = depth.get(o.id()) >= needed;
            deep += ok ? 1 : 0;
            if (!ok && o.priority() >= PRIORITY && !declined.contains(o.id())) {
                shallow.add(o.id());
            }
        }
        double used = x.guide().duration().isZero() ? 1 : x.length().toMillis() / (double) x.guide().duration().toMillis();
        boolean early = x.endedByInterviewer() && used < 1 - UNUSED;
        return new DepthScore(depth, deep, objectives.size(), shallow, Math.round(used * 1000) / 1000.0, early);
    }

    /** The objective turn {@code k} asks about: one of its planned questions or probes, else the one its words are about. */
    private static String attribute(Exchange x, int k, String text, List<Objective> objectives) {
        List<String> asking = QuestionChecker.check(text, Reading.of(x, k)).asking();
        if (asking.isEmpty()) {
            return null;
        }
        Optional<String> named = namedByTitle(x, Phrases.lower(String.join(" ", asking)), objectives);
        if (named.isPresent()) {
            return named.get();
        }
        Set<String> asked = Tokens.content(String.join(" ", asking));
        String best = null;
        double bestScore = 0;
        for (Objective o : objectives) {
            double planned = 0;
            for (Objective t : inEveryLanguage(x, o)) {
                for (String q : concat(t.questions(), t.probes())) {
                    planned = Math.max(planned, References.overlap(asked, Tokens.content(q)));
                }
            }
            if (planned >= 0.6 && planned > bestScore) {
                best = o.id();
                bestScore = planned;
            }
        }
        if (best != null) {
            return best;
        }
        int bestShared = 1;
        for (Objective o : objectives) {
            Set<String> words = new java.util.HashSet<>();
            for (Objective t : inEveryLanguage(x, o)) {
                words.addAll(Tokens.content(String.join(" ", t.title(), t.description(), String.join(" ", t.questions()),
                        String.join(" ", t.probes()), String.join(" ", t.keywords()))));
            }
            words.retainAll(asked);
            if (words.size() > bestShared) {
                best = o.id();
                bestShared = words.size();
            }
        }
        return best;
    }

    /**
     * The one objective a question names by its whole title, in any of the guide's languages ("Getting started: what were
     * you doing at that moment?"): a listener hears it as about that topic, whatever planned question of another objective
     * its other words sound like. Empty when it names none, or more than one.
     */
    private static Optional<String> namedByTitle(Exchange x, String asking, List<Objective> objectives) {
        Optional<String> named = Optional.empty();
        for (Objective o : objectives) {
            boolean names = inEveryLanguage(x, o).stream().map(t -> Phrases.lower(t.title().strip()))
                    .anyMatch(title -> title.codePointCount(0, title.length()) >= 3 && names(asking, title));
            if (names && named.isPresent()) {
                return Optional.empty();
            }
            named = names ? Optional.of(o.id()) : named;
        }
        return named;
    }

    /** Whether {@code text} holds {@code title} as whole words (anywhere, in a script without spaces). */
    private static boolean names(String text, String title) {
        for (int at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
            int end = at + title.length();
            if (Phrases.unspaced(title) || (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** The objective as the guide words it in each of its languages. */
    private static List<Objective> inEveryLanguage(Exchange x, Objective o) {
        List<Objective> out = new ArrayList<>();
        for (String language : x.guide().languages()) {
            x.guide().objectives(language).stream().filter(t -> t.id().equals(o.id())).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** A follow-up: it takes up the answer just given. */
    private static boolean followsUp(Exchange x, int k, String text) {
        AnswerNote before = x.answerBefore(k);
        return before != null && References.takesUp(text, before.text());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
