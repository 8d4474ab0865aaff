package dev.chassis.talk.steer;

import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.SessionState;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which question comes next, never one already asked: the current objective's unasked questions
 * in order, then the next objective by priority among those not covered. Also makes the short
 * form of a question for a disengaged person, different from anything asked before.
 */
public final class QuestionPlan {

    private final SessionState state;
    private final Set<String> asked = new HashSet<>();

    QuestionPlan(SessionState state) {
        this.state = state;
        state.asked().forEach(q -> asked.add(normalise(q)));
    }

    /** Whether this exact question (ignoring case and spacing) was asked before. */
    public boolean wasAsked(String question) {
        return asked.contains(normalise(question));
    }

    /** The next unasked question of the current objective. */
    public Optional<String> nextQuestion() {
        return nextQuestion(state.currentObjective());
    }

    /** The next unasked question of {@code objectiveId}. */
    public Optional<String> nextQuestion(String objectiveId) {
        Objective o = state.staged().briefing().objective(objectiveId);
        return o.questions().stream().filter(q -> !wasAsked(q)).findFirst();
    }

    /** The next unasked probe of the current objective. */
    public Optional<String> nextProbe() {
        Objective o = state.staged().briefing().objective(state.currentObjective());
        return o.probes().stream().filter(p -> !wasAsked(p)).findFirst();
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
        String[] clauses = q.split("(?<=[,;:—–])\\s+|\\s+(?:and|or|und|oder|et|ou|y|o|e)\\s+");
        String first = clauses[0].replaceAll("[,;:—–]$", "").strip();
        String[] words = first.split("\\s+");
        if (words.length > 12) {
            first = String.join(" ", List.of(words).subList(0, 12));
        }
        if (!first.endsWith("?")) {
            first = first.replaceAll("[.!]$", "") + "?";
        }
        if (!wasAsked(first) && !normalise(first).equals(normalise(q))) {
            return first;
        }
        String[] few = first.replaceAll("\\?$", "").split("\\s+");
        String shorter = String.join(" ", List.of(few).subList(0, Math.max(1, Math.min(few.length, 6)))) + "?";
        return wasAsked(shorter) ? shorter.replaceAll("\\?$", "") + ", in a word?" : shorter;
    }

    // Questions repeat across turns and sessions; normalise each once. Bounded: cleared when large.
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NORMALISED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String normalise(String q) {
        String n = NORMALISED.get(q);
        if (n == null) {
            if (NORMALISED.size() > 20_000) {
                NORMALISED.clear();
            }
            n = normaliseNow(q);
            NORMALISED.put(q, n);
        }
        return n;
    }

    /** Lower case, letters and digits only, single spaces. */
    private static String normaliseNow(String q) {
        StringBuilder sb = new StringBuilder(q.length());
        boolean space = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !sb.isEmpty()) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return sb.toString();
    }
}
