package dev.chassis.talk.steer;

import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.state.QuestionWording;
import java.util.List;
import java.util.Optional;

/**
 * Which question comes next, never one already asked: the current objective's unasked questions
 * in order, then the next objective by priority among those not covered. Also makes the short
 * form of a question for a disengaged person, different from anything asked before.
 */
public final class QuestionPlan {

    private final SessionState state;

    QuestionPlan(SessionState state) {
        this.state = state;
    }

    /** Whether this exact question (ignoring case and spacing) was asked before. */
    public boolean wasAsked(String question) {
        return state.asked().includes(question);
    }

    /** The next unasked question of the current objective. */
    public Optional<String> nextQuestion() {
        return nextQuestion(state.currentObjective());
    }

    /** The next unasked question of {@code objectiveId}. */
    public Optional<String> nextQuestion(String objectiveId) {
        Objective o = state.staged().briefing().objective(objectiveId);
        // A double-barrelled question asked in its first part counts as asked.
        for (String q : o.questions()) {
            if (!wasAsked(q) && !(QuestionCheck.doubleBarrelled(q) && wasAsked(firstPart(q)))) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }

    /** The next unasked probe of the current objective. */
    public Optional<String> nextProbe() {
        Objective o = state.staged().briefing().objective(state.currentObjective());
        for (String p : o.probes()) {
            if (!wasAsked(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The objective to move to: the most important one not covered that still has a question, or empty. */
    public Optional<String> nextObjective() {
        List<Objective> objectives = state.staged().briefing().objectives();
        Objective best = null;
        for (Objective o : objectives) {
            if (o.id().equals(state.currentObjective())) {
                continue;
            }
            Coverage c = state.coverage().getOrDefault(o.id(), Coverage.NONE);
            if (c.covered() || nextQuestion(o.id()).isEmpty()) {
                continue;
            }
            if (best == null || o.priority() > best.priority()) {
                best = o;
            }
        }
        return Optional.ofNullable(best).map(Objective::id);
    }

    /**
     * A shorter, simpler form of {@code question} that was not asked before: its first clause, at
     * most twelve words; if even that was asked, an even shorter lead-in.
     */
    public String simpler(String question) {
        String q = question.strip();
        String first = firstPart(q);
        if (!wasAsked(first) && !QuestionWording.key(first).equals(QuestionWording.key(q))) {
            return first;
        }
        // Asked already as it is: ask for the short version of the answer instead of repeating the words.
        String[] leads = BRIEFLY.getOrDefault(state.language(), BRIEFLY.get("en"));
        String tail = state.language().equals("de") ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
        String brief = leads[0] + " " + tail;
        return wasAsked(brief) ? leads[1] + " " + tail : brief;
    }

    /**
     * The first of the questions a question asks: cut at a second question mark or at a conjunction that
     * starts a second question ("..., and in which do you avoid it?"), with asides such as ", if anything,"
     * removed, ending in a question mark.
     */
    public static String firstPart(String question) {
        String q = ASIDE.matcher(question.strip()).replaceAll("");
        int mark = q.indexOf('?');
        if (mark > 0 && mark < q.length() - 1) {
            q = q.substring(0, mark + 1);
        }
        java.util.regex.Matcher join = SECOND_QUESTION.matcher(q);
        if (join.find() && join.start() > 0) {
            q = q.substring(0, join.start());
        }
        q = q.strip().replaceAll("[,;:—–]$", "");
        return q.endsWith("?") ? q : q.replaceAll("[.!]$", "") + "?";
    }

    private static final java.util.regex.Pattern ASIDE =
            java.util.regex.Pattern.compile("(?i),\\s*(if anything|if at all|roughly|exactly|in general|by the way)\\s*,");
    // A conjunction that starts a second question: "..., and in which do you avoid it?"
    private static final java.util.regex.Pattern SECOND_QUESTION = java.util.regex.Pattern.compile(
            ",?\\s+(?:and|or|und|oder|et|ou|y|o|e)\\s+(?:how|what|why|when|where|which|who|in which|do|did|would|wie|was|warum|"
                    + "comment|pourquoi|quand|cómo|qué|como|quando)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Lead-ins that make a repeated question a request for a short answer, per language. */
    private static final java.util.Map<String, String[]> BRIEFLY = java.util.Map.of(
            "en", new String[] {"In a sentence or two:", "In a word or two:"},
            "de", new String[] {"In ein, zwei Sätzen:", "In ein, zwei Worten:"},
            "fr", new String[] {"En une ou deux phrases :", "En un ou deux mots :"},
            "es", new String[] {"En una o dos frases:", "En una o dos palabras:"},
            "pt", new String[] {"Em uma ou duas frases:", "Em uma ou duas palavras:"},
            "ja", new String[] {"一言で言うと、", "短く言うと、"},
            "hi", new String[] {"एक-दो वाक्यों में:", "एक-दो शब्दों में:"},
            "ar", new String[] {"في جملة أو جملتين:", "في كلمة أو كلمتين:"});
}
