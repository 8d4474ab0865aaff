package dev.chassis.research.eval.score;

import dev.chassis.testkit.participant.reading.QuestionChecker;
import dev.chassis.testkit.participant.reading.Sentences;
import dev.chassis.testkit.participant.reading.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the interviewer asked and how, judged by the evaluation's own question checker: leading,
 * double-barrelled, closed where an open question was needed, and asked before.
 *
 * @param asked    turns that asked something
 * @param stock    turns that led into their question with the same words as an earlier turn (a stock transition)
 * @param bad      the questions judged leading, double-barrelled, closed or repeated, with why
 */
public record QuestionScore(int asked, int leading, int doubleBarrelled, int closed, int repeated, int stock, List<String> bad) {

    /** Questions this similar (shared content terms) are the same question asked again. */
    static final double SAME = 0.8;

    public QuestionScore {
        bad = List.copyOf(bad);
    }

    /** Share of questions neither leading, double-barrelled nor closed; 1 when nothing was asked. */
    public double quality() {
        return asked == 0 ? 1 : Math.max(0, 1 - (leading + doubleBarrelled + closed) / (double) asked);
    }

    /** Share of questions led into with words not used before; 1 when nothing was asked. */
    public double varied() {
        return asked == 0 ? 1 : 1 - stock / (double) asked;
    }

    /** Share of questions not asked before; 1 when nothing was asked. */
    public double fresh() {
        return asked == 0 ? 1 : 1 - repeated / (double) asked;
    }

    static QuestionScore of(Exchange x, ContradictionScore contradiction) {
        int asked = 0;
        int leading = 0;
        int doubled = 0;
        int closed = 0;
        int repeated = 0;
        List<String> bad = new ArrayList<>();
        int stock = 0;
        List<Set<String>> before = new ArrayList<>();
        Set<String> leadIns = new java.util.HashSet<>();
        for (int k = 0; k < x.interviewer().size(); k++) {
            String text = x.interviewer().get(k).text();
            QuestionChecker.Verdict v = QuestionChecker.check(text, Reading.of(x, k));
            if (!v.asks()) {
                continue;
            }
            asked++;
            boolean putBack = contradiction.putBackAt().orElse(-1) == k;
            boolean isClosed = v.closed() && !putBack; // "which of the two is closer?" asks for a choice, rightly
            leading += v.leading() ? 1 : 0;
            doubled += v.doubleBarrelled() ? 1 : 0;
            closed += isClosed ? 1 : 0;
            Set<String> terms = lastQuestionTerms(text);
            boolean again = terms.size() >= 2 && before.stream().anyMatch(b -> References.similarity(b, terms) >= SAME);
            repeated += again ? 1 : 0;
            before.add(terms);
            String leadIn = leadIn(text, v);
            stock += !leadIn.isEmpty() && !leadIns.add(leadIn) ? 1 : 0;
            if (v.leading() || v.doubleBarrelled() || isClosed || again) {
                bad.add("turn " + k + (v.leading() ? " leading" : "") + (v.doubleBarrelled() ? " double-barrelled" : "")
                        + (isClosed ? " closed" : "") + (again ? " repeated" : "") + ": " + v.asking().getLast());
            }
        }
        return new QuestionScore(asked, leading, doubled, closed, repeated, stock, bad);
    }

    /** What comes before the question, quotes set aside, as a key; empty when under three words. */
    private static String leadIn(String text, QuestionChecker.Verdict v) {
        String plain = Sentences.withoutQuotes(text);
        int at = plain.indexOf(v.asking().getFirst());
        String before = at <= 0 ? "" : plain.substring(0, at);
        String key = before.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return Sentences.words(key) >= 3 ? key : "";
    }

    /** The content of the last question as said, quotes included: the same template on other words is not a repeat. */
    private static Set<String> lastQuestionTerms(String text) {
        List<String> questions = Sentences.split(text).stream().filter(Sentences::isQuestion).toList();
        return Tokens.content(questions.isEmpty() ? text : questions.getLast());
    }
}
