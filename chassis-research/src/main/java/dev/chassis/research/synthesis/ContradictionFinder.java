package dev.chassis.research.synthesis;

import dev.chassis.core.text.Words;
import dev.chassis.research.transcript.Mark;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Contradictions within each session. Those the live interviewer flagged (contradiction marks) are taken
 * as they are. Otherwise two statements of one participant, in different turns, contradict when they
 * share at least two content terms (Jaccard at least {@link #OVERLAP}, or half of it with three or more
 * shared terms) and differ in polarity: a
 * negation governs a shared term in one and not in the other, or they use opposite words ({@code always}/{@code never}). This is a
 * conservative heuristic: it finds the plain "I use it daily" / "I don't use it daily" case, not every
 * subtle one. Stateless and deterministic.
 */
final class ContradictionFinder {

    static final double OVERLAP = 0.4;
    static final int SCOPE = 4;
    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile("[,;:.!?()]|\\bbut\\b|\\bthough\\b");
    static final int PER_SESSION = 3;

    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "don't", "dont", "can't", "cannot",
            "won't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "haven't", "hasn't", "wouldn't", "hardly",
            "rarely", "barely", "nothing", "none", "nobody", "neither", "nor", "stopped", "quit");
    private static final List<List<String>> OPPOSITES = List.of(
            List.of("always", "never"), List.of("love", "hate"), List.of("like", "dislike"), List.of("easy", "hard"),
            List.of("easy", "difficult"), List.of("often", "rarely"), List.of("daily", "rarely"), List.of("more", "less"),
            List.of("trust", "distrust"), List.of("helpful", "useless"), List.of("increase", "decrease"),
            List.of("enjoy", "hate"), List.of("everyone", "nobody"), List.of("everything", "nothing"),
            List.of("fast", "slow"), List.of("better", "worse"), List.of("alone", "together"), List.of("agree", "disagree"));

    private ContradictionFinder() {
    }

    static Map<String, List<Contradiction>> find(List<Transcript> transcripts) {
        Map<String, List<Contradiction>> out = new LinkedHashMap<>();
        for (Transcript t : transcripts) {
            List<Contradiction> found = t.marks(Mark.CONTRADICTION).isEmpty() ? heuristic(t) : live(t);
            if (!found.isEmpty()) {
                out.put(t.id(), found);
            }
        }
        return out;
    }

    private static List<Contradiction> live(Transcript t) {
        List<Contradiction> out = new ArrayList<>();
        for (Mark m : t.marks(Mark.CONTRADICTION)) {
            Turn later = t.turn(m.turn()).orElseThrow();
            int earlierNo = m.earlierTurn().orElseThrow();
            if (earlierNo < 1 || earlierNo > t.turns().size() || !later.byParticipant() || !t.turns().get(earlierNo - 1).byParticipant()) {
                continue;   // a mark pointing at an interviewer turn cannot be quoted as the participant's words
            }
            Turn earlier = t.turns().get(earlierNo - 1);
            String reason = m.detail().isBlank() ? "flagged by the interviewer's contradiction monitor" : m.detail();
            out.add(new Contradiction(t.id(), quote(t.id(), earlier), quote(t.id(), later), reason, "live"));
        }
        return out;
    }

    private static List<Contradiction> heuristic(Transcript t) {
        record Said(int turn, String text, List<String> terms) {
            Quote quote(String session) {
                return new Quote(session, turn, text);
            }
        }
        List<Said> statements = new ArrayList<>();
        for (Turn turn : t.participantTurns()) {
            for (String sentence : Sentences.of(turn.text(), Locale.ENGLISH)) {
                List<String> terms = Terms.of(sentence);
                if (Terms.words(terms).size() >= 3 && sentence.split("\\s+").length >= 6) {
                    statements.add(new Said(turn.number(), sentence, terms));
                }
            }
        }
        record Candidate(Said a, Said b, double overlap, String reason) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            for (int j = i + 1; j < statements.size(); j++) {
                Said a = statements.get(i);
                Said b = statements.get(j);
                if (a.turn() == b.turn()) {
                    continue;
                }
                Set<String> ta = new HashSet<>(Terms.words(a.terms()));
                Set<String> tb = new HashSet<>(Terms.words(b.terms()));
                Set<String> shared = new HashSet<>(ta);
                shared.retainAll(tb);
                Set<String> union = new HashSet<>(ta);
                union.addAll(tb);
                double jaccard = union.isEmpty() ? 0 : (double) shared.size() / union.size();
                if (shared.size() < 2 || jaccard < (shared.size() >= 3 ? OVERLAP / 2 : OVERLAP)) {
                    continue;
                }
                String reason = polarity(a.text(), b.text(), shared);
                if (!reason.isEmpty()) {
                    candidates.add(new Candidate(a, b, jaccard, "both about " + String.join(", ", shared.stream().sorted().toList())
                            + "; " + reason));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.overlap()).thenComparingInt(c -> c.a().turn()));
        return candidates.stream().limit(PER_SESSION)
                .map(c -> new Contradiction(t.id(), c.a().quote(t.id()), c.b().quote(t.id()), c.reason(), "synthesis")).toList();
    }

    /**
     * Why two statements differ in polarity, or "" when they do not. A negation counts only when it
     * governs one of the shared terms (within {@link #SCOPE} words before it): "I don't use AI for
     * drafts" negates "use ... drafts"; "not really, but I draft with AI" does not.
     */
    static String polarity(String a, String b, Set<String> shared) {
        boolean na = negates(a, shared);
        boolean nb = negates(b, shared);
        List<String> wa = Words.words(a.toLowerCase(Locale.ROOT));
        List<String> wb = Words.words(b.toLowerCase(Locale.ROOT));
        if (na != nb) {
            return (na ? "the earlier" : "the later") + " statement is negated";
        }
        for (List<String> pair : OPPOSITES) {
            if ((wa.contains(pair.get(0)) && wb.contains(pair.get(1))) || (wa.contains(pair.get(1)) && wb.contains(pair.get(0)))) {
                return "opposite words ‘" + pair.get(0) + "’ and ‘" + pair.get(1) + "’";
            }
        }
        return "";
    }

    /** Whether a negation governs a shared term, within its clause (a comma or "but" ends its scope). */
    private static boolean negates(String text, Set<String> shared) {
        boolean negated = false;
        for (String clause : CLAUSE.split(text.toLowerCase(Locale.ROOT).replace('’', '\''))) {
            if (negatesIn(Words.words(clause), shared)) {
                negated = !negated;
            }
        }
        return negated;
    }

    private static boolean negatesIn(List<String> words, Set<String> shared) {
        boolean negated = false;
        for (int i = 0; i < words.size(); i++) {
            if (NEGATIONS.contains(words.get(i))) {
                for (int j = i + 1; j <= Math.min(words.size() - 1, i + SCOPE); j++) {
                    if (shared.contains(Terms.fold(words.get(j)))) {
                        negated = !negated;
                        break;
                    }
                }
            }
        }
        return negated;
    }

    /** The turn's first sentence with content, or the whole turn: always a verbatim part of it. */
    private static Quote quote(String session, Turn turn) {
        String text = turn.text().strip();
        List<String> sentences = Sentences.of(text, Locale.ENGLISH);
        String first = sentences.stream().filter(s -> s.split("\\s+").length >= QuoteVerifier.MIN_WORDS).findFirst().orElse(text);
        return new Quote(session, turn.number(), first);
    }
}
