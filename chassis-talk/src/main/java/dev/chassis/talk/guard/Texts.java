package dev.chassis.talk.guard;

/**
 * Character classes and the squeezed form cues are matched in: every run of spaces and punctuation
 * becomes one space (apostrophes stay, they are part of words), and what the punctuation said is kept
 * aside: which words start a clause, and which sentence each character is in. Stateless and thread-safe.
 */
final class Texts {

    /**
     * Text with, position by position, its clause starts, sentence numbers and whether it lies inside double quotes
     * (reported speech: "I asked it: \"give me a list\"" is not an order to the agent).
     */
    record Squeezed(String text, boolean[] clauseStart, int[] sentence, boolean[] quoted) {
        int sentences() {
            return sentence.length == 0 ? 0 : sentence[sentence.length - 1] + 1;
        }
    }

    /** Characters outside quotes that make quoted text reported speech rather than the message itself. */
    private static final int REPORTING = 40;

    private Texts() {
    }

    /** Letters, digits and the marks that belong to letters (Devanagari and Thai vowel signs). */
    static boolean wordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK
                || Character.isSurrogate(c);
    }

    /** Whether a character belongs to a script written without spaces between words (or, for Korean, with particles glued on). */
    static boolean unspacedChar(char c) {
        return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)
                || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0x0E00 && c <= 0x0E7F)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F);
    }

    static boolean unspaced(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unspacedChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '。' || c == '！' || c == '？' || c == '；'
                || c == '।' || c == '॥' || c == '؟' || c == '؛' || c == '…' || c == '｡';
    }

    private static boolean clauseBreak(char c) {
        return sentenceEnd(c) || c == ',' || c == ':' || c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{'
                || c == '}' || c == '—' || c == '–' || c == '、' || c == '，' || c == '：' || c == '「' || c == '」'
                || c == '『' || c == '』' || c == '【' || c == '】' || c == '،' || c == '*' || c == '#' || c == '>' || c == '<'
                || c == '/' || c == '|' || c == '=' || c == '¿' || c == '¡';
    }

    /** The squeezed form of normalised text. */
    static Squeezed squeeze(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean[] clause = new boolean[s.length() + 1];
        int[] sentence = new int[s.length() + 1];
        boolean[] quoted = new boolean[s.length() + 1];
        boolean inQuotes = false;
        boolean inSingle = false;
        int sentenceNo = 0;
        boolean pendingClause = true;
        boolean pendingSentence = false;
        boolean inGap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && !inSingle && !inQuotes && (i == 0 || !wordChar(s.charAt(i - 1))) && i + 1 < s.length() && wordChar(s.charAt(i + 1))) {
                inSingle = true; // an opening single quote: what follows up to its closing one is quoted
            } else if (c == '\'' && inSingle && i > 0 && wordChar(s.charAt(i - 1)) && (i + 1 == s.length() || !wordChar(s.charAt(i + 1)))) {
                inSingle = false;
            }
            if (wordChar(c) || c == '\'') {
                boolean openingQuote = c == '\'' && (inGap || out.isEmpty());
                if (inGap && !out.isEmpty()) {
                    out.append(' ');
                    sentence[out.length() - 1] = sentenceNo;
                }
                inGap = false;
                if (pendingSentence) {
                    sentenceNo++;
                    pendingSentence = false;
                }
                int at = out.length();
                out.append(c);
                sentence[at] = sentenceNo;
                quoted[at] = inQuotes || inSingle;
                if (openingQuote) {
                    pendingClause = true; // an opening quote starts a clause at the word after it
                } else if (pendingClause) {
                    clause[at] = true;
                    pendingClause = false;
                }
            } else {
                inGap = true;
                boolean spacedDash = c == '-' && (i == 0 || s.charAt(i - 1) == ' ' || i + 1 == s.length() || s.charAt(i + 1) == ' ');
                if (clauseBreak(c) || spacedDash) {
                    pendingClause = true;
                }
                if (c == '"') {
                    inQuotes = !inQuotes;
                }
                if (sentenceEnd(c)) {
                    pendingSentence = true;
                }
            }
        }
        int len = out.length();
        int unquoted = 0;
        for (int k = 0; k < len; k++) {
            unquoted += quoted[k] ? 0 : 1;
        }
        if (unquoted < REPORTING) {
            java.util.Arrays.fill(quoted, false); // a text that is mostly one quotation is said, not reported
        }
        return new Squeezed(out.toString(), java.util.Arrays.copyOf(clause, len), java.util.Arrays.copyOf(sentence, len),
                java.util.Arrays.copyOf(quoted, len));
    }
}
