package dev.chassis.talk.steer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Question hygiene: spots leading questions (they suggest the answer) and double-barrelled ones
 * (they ask two things at once), in English and, for the common forms, German, French, Spanish and
 * Portuguese. Used by steering (a double-barrelled planned question is asked in its first part), by
 * synthetic participants (who disengage on bad questions) and by evaluation (which counts them).
 */
public final class QuestionCheck {

    private static final List<Pattern> LEADING = List.of(
            Pattern.compile("\\b(don't|do not|wouldn't|would not|isn't|aren't|doesn't|didn't|won't) you (think|agree|find|feel|say|love|like)\\b"),
            Pattern.compile("\\b(surely|obviously|of course|clearly)\\b"),
            Pattern.compile("\\bhow (much|great|easy|helpful|useful) (do you love|was it|is it)\\b"),
            Pattern.compile("\\b(isn't it|wasn't it|right\\?|don't you\\?|wouldn't you\\?|didn't you\\?)"),
            Pattern.compile("\\b(you must have|you'd agree|i'm sure you)\\b"),
            Pattern.compile("\\b(finden sie nicht auch|nicht wahr|sicherlich)\\b"),
            Pattern.compile("\\b(n'est-ce pas|ne trouvez-vous pas|vous êtes d'accord)\\b"),
            Pattern.compile("\\b(¿no cree|verdad\\?|no le parece)\\b"),
            Pattern.compile("\\b(não acha|não é verdade|né\\?)"));

    private static final Pattern TWO_QUESTIONS = Pattern.compile("\\?.*\\?", Pattern.DOTALL);
    private static final Pattern JOINED = Pattern.compile(
            "\\b(and|or|und|oder|et|ou|y|o|e) (?:(?:in|en|dans|em|bei|an|on|at) )?(how|what|why|when|where|which|who|in which|in what|do|did|does|would|could|wie|was|warum|wann|"
                    + "welche|welchen|welcher|comment|pourquoi|quand|quel|quels|quelle|quelles|cómo|qué|por qué|cuál|cuáles|como|por que|quando|"
                    + "qual|quais)\\b");

    private QuestionCheck() {
    }

    /** Whether {@code question} suggests its answer. */
    public static boolean leading(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return LEADING.stream().anyMatch(p -> p.matcher(q).find());
    }

    /**
     * The question at the end of what an interviewer said, who often acknowledges or bridges first:
     * from the last sentence break before the last question mark. Two questions in a row stay together,
     * so {@link #doubleBarrelled} still sees both. Empty when nothing is asked.
     */
    public static java.util.Optional<String> lastQuestion(String said) {
        String s = said.strip();
        int q = Math.max(s.lastIndexOf('?'), s.lastIndexOf('？'));
        if (q < 0) {
            return java.util.Optional.empty();
        }
        int start = 0;
        for (String end : new String[] {". ", "! ", ": ", "。", "！"}) {
            int i = s.lastIndexOf(end, q - 1);
            if (i >= 0) {
                start = Math.max(start, i + end.length());
            }
        }
        return java.util.Optional.of(s.substring(start, q + 1).strip());
    }

    /** Whether {@code question} asks two things at once. */
    public static boolean doubleBarrelled(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        return TWO_QUESTIONS.matcher(q).find() || JOINED.matcher(q).find();
    }
}
