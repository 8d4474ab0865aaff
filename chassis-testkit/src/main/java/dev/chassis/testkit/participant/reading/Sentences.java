package dev.chassis.testkit.participant.reading;

import java.util.ArrayList;
import java.util.List;

/** Sentences of a text, quoted words set aside, and the sentences that ask something. */
public final class Sentences {

    private static final String OPEN = "\"“„«‹「『”"; // ” opens too: Swedish and Finnish quote ”like this”
    private static final String CLOSE = "\"”“»›」』";

    private Sentences() {
    }

    /** The sentences of {@code text}, each with its end mark, stripped; none empty. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            current.append(c);
            boolean end = switch (c) {
                case '。', '！', '？', '؟', '।', '\n' -> true;
                case '.', '!', '?', ';' -> i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))
                        || CLOSE.indexOf(text.charAt(i + 1)) >= 0 && (i + 2 >= text.length() || Character.isWhitespace(text.charAt(i + 2)));
                default -> false;
            };
            if (end) {
                if (i + 1 < text.length() && CLOSE.indexOf(text.charAt(i + 1)) >= 0 && c != '\n') {
                    current.append(text.charAt(++i));
                }
                add(out, current);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty() && s.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
        current.setLength(0);
    }

    /**
     * {@code text} with every quoted span replaced by an ellipsis: an interviewer quoting someone's
     * words speaks in their own language around them.
     */
    public static String withoutQuotes(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int open = OPEN.indexOf(c);
            if (open >= 0) {
                int close = closing(text, i + 1, c);
                if (close > i) {
                    out.append('…');
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The quoted spans of {@code text}, without their marks. */
    public static List<String> quotes(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                int close = closing(text, i + 1, c);
                if (close > i) {
                    out.add(text.substring(i + 1, close).strip());
                    i = close;
                }
            }
        }
        return out;
    }

    private static int closing(String text, int from, char open) {
        for (int j = from; j < text.length() && j < from + 400; j++) {
            char d = text.charAt(j);
            boolean closes = switch (open) {
                case '"' -> d == '"';
                case '“' -> d == '”' || d == '“';
                case '”' -> d == '”';
                case '„' -> d == '“' || d == '”';
                case '«' -> d == '»';
                case '‹' -> d == '›';
                case '「' -> d == '」';
                case '『' -> d == '』';
                default -> false;
            };
            if (closes) {
                return j;
            }
        }
        return -1;
    }

    /** Whether {@code sentence} ends in a question mark (any script's). */
    public static boolean isQuestion(String sentence) {
        String s = sentence.strip();
        while (!s.isEmpty() && CLOSE.indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        // Greek asks with ';' (or its own U+037E); Thai with a final particle and no mark at all; polite Japanese with the
        // final particle か and a full stop ("どのように決めていますか。"), as written in most Japanese questions.
        return "?？؟\u037E".indexOf(last) >= 0 || japaneseQuestion(s) || last == ';' && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK)
                || thaiQuestion(s);
    }

    /** A sentence in kana ending in the question particle か, before a full stop or none. */
    private static boolean japaneseQuestion(String s) {
        String t = s.replaceAll("[\\s。.]+$", "");
        return t.length() > 1 && t.endsWith("か") && Character.UnicodeScript.of(t.charAt(t.length() - 2)) == Character.UnicodeScript.HIRAGANA;
    }

    private static final List<String> THAI_POLITE = List.of("ครับ", "คะ", "ค่ะ", "นะ", "จ๊ะ");
    private static final List<String> THAI_ASKING = List.of("ไหม", "มั้ย", "หรือเปล่า", "หรือยัง", "หรือไม่", "อะไร", "อย่างไร", "ยังไง",
            "เมื่อไหร่", "เมื่อไร", "ไหน", "ทำไม", "ใคร", "เท่าไหร่", "เท่าไร", "แค่ไหน", "บ้าง", "ได้ไหม", "เหรอ", "หรอ");

    /** A Thai sentence ending in a question particle, before any polite particle ("...ได้ไหมครับ"). */
    private static boolean thaiQuestion(String s) {
        String t = s.replaceAll("[\\s.!…]+$", "");
        if (t.endsWith("คะ")) { // the high-tone polite particle asks (ค่ะ, with the falling tone, states)
            return true;
        }
        for (int i = 0; i < 2; i++) {
            for (String p : THAI_POLITE) {
                if (t.endsWith(p)) {
                    t = t.substring(0, t.length() - p.length()).stripTrailing();
                    break;
                }
            }
        }
        String rest = t;
        return THAI_ASKING.stream().anyMatch(rest::endsWith);
    }

    /** Words in {@code s}: runs of word characters; for unspaced scripts, about two characters a word. */
    public static int words(String s) {
        int words = 0;
        int unspaced = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Phrases.unspaced(Character.UnicodeScript.of(c))) {
                unspaced++;
                in = false;
                continue;
            }
            boolean w = Phrases.wordChar(c) || c == '\'' && in;
            if (w && !in) {
                words++;
            }
            in = w;
        }
        return words + (unspaced + 1) / 2;
    }
}
