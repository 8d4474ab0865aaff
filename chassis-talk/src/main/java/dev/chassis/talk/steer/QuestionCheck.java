package dev.chassis.talk.steer;

import java.util.Locale;

/**
 * Question hygiene, the interviewer's own check of its questions in the question's language: leading
 * questions (they suggest the answer), double-barrelled ones (they ask two things at once) and closed ones
 * (a yes/no form where an account was wanted). The patterns are data per language ({@link QuestionPatterns},
 * {@code questions/<language>.questions}), for every supported language. Used by steering: a double-barrelled
 * planned question is asked in its first part, a leading or closed one is put open ({@link #opened}). The evaluation
 * has its own, independent checker.
 */
public final class QuestionCheck {

    /** What the check found in one question. */
    public record Verdict(boolean leading, boolean doubleBarrelled, boolean closed) {

        /** Whether nothing was found: an open question asking one thing without suggesting its answer. */
        public boolean clean() {
            return !leading && !doubleBarrelled && !closed;
        }
    }

    private QuestionCheck() {
    }

    /** Everything the check finds in {@code question}, read as {@code language}. */
    public static Verdict check(String question, String language) {
        return new Verdict(leading(question, language), doubleBarrelled(question, language), closed(question, language));
    }

    /** Whether {@code question} suggests its answer. */
    public static boolean leading(String question, String language) {
        return QuestionPatterns.any(QuestionPatterns.of(language).leading(), lower(question));
    }

    /** Whether {@code question} asks two things at once. */
    public static boolean doubleBarrelled(String question, String language) {
        return QuestionPatterns.any(QuestionPatterns.of(language).twice(), lower(question));
    }

    /** Whether {@code question} can be answered yes or no: a closed form with nothing that asks for an account. */
    public static boolean closed(String question, String language) {
        QuestionPatterns p = QuestionPatterns.of(language);
        String q = lower(question);
        return QuestionPatterns.any(p.closed(), q) && !QuestionPatterns.any(p.open(), q);
    }

    /**
     * {@code question} put open, in {@code language}: a leading question with what suggests its answer taken out (the
     * language's {@code unlead} rewrites, the first that leaves it not leading), a closed one followed by the
     * language's request for an account ({@code invite}: "Do you keep receipts? Tell me a little about it."). What no
     * rewrite of the language can put open is returned as written, to be asked once like that. The same question and
     * language always give the same result, so the plan knows the form asked as its question.
     */
    public static String opened(String question, String language) {
        QuestionPatterns p = QuestionPatterns.of(language);
        String q = question.strip();
        if (leading(q, language)) {
            for (QuestionPatterns.Rewrite r : p.unlead()) {
                java.util.regex.Matcher m = r.pattern().matcher(q.replace('’', '\''));
                if (m.find()) {
                    String rewritten = capitalised(m.replaceFirst(r.replacement()).strip(), q);
                    if (!rewritten.isEmpty() && !leading(rewritten, language)) {
                        q = rewritten;
                        break;
                    }
                }
            }
            if (leading(q, language)) {
                return question;
            }
        }
        if (closed(q, language) && !p.invite().isEmpty()) {
            String invited = q + " " + p.invite();
            return closed(invited, language) || doubleBarrelled(invited, language) ? q : invited;
        }
        return q;
    }

    /** A rewrite keeps the capital the question's first letter had ("Surely the ..." -> "The ..."). */
    private static String capitalised(String rewritten, String original) {
        if (rewritten.isEmpty() || original.isEmpty() || !Character.isUpperCase(original.codePointAt(0))) {
            return rewritten;
        }
        return rewritten.substring(0, 1).toUpperCase(Locale.ROOT) + rewritten.substring(1);
    }

    private static String lower(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    /**
     * The question at the end of what an interviewer said, who often acknowledges or bridges first:
     * from the last sentence break before the last question mark. Two questions in a row stay together,
     * so {@link #doubleBarrelled} still sees both. Empty when nothing is asked.
     */
    public static java.util.Optional<String> lastQuestion(String said) {
        String s = said.strip();
        int q = Math.max(Math.max(s.lastIndexOf('?'), s.lastIndexOf('？')), s.lastIndexOf('؟'));
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
}
