package dev.chassis.talk.guard;

/**
 * Folds look-alike letters to the script of the word they sit in: "іgnоre" with a Cyrillic 'і' and 'о'
 * is a Latin word, "инструкцuи" with a Latin 'u' a Cyrillic one. A word's script is the one most of its
 * letters are in; a tie goes to the script of the text around it. Small capitals and regional
 * indicator letters are read as Latin. Works on lower-case text. Stateless and thread-safe.
 */
final class Homoglyphs {

    private static final int LATIN = 0;
    private static final int CYRILLIC = 1;
    private static final int GREEK = 2;
    private static final int OTHER = 3;

    // Lower-case look-alikes: Cyrillic and Greek letters that read as a Latin one, and the reverse.
    private static final String CYRILLIC_AS_LATIN = "аaвbсcеeһhіiјjкkмmнhоoрpԛqѕsтtуyхxԝwԁdӏlјjгrпnьbѵvүyэeёeїiґr";
    private static final String GREEK_AS_LATIN = "αaβbεeηnιiκkμuνvοoρpτtυuχxγyωwζz";
    private static final String LATIN_AS_CYRILLIC = "aаcсeеoоpрxхyуiіkкmмhнbвtт";
    private static final String SMALL_CAPS = "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpǫqʀrꜱsᴛtᴜuᴠvᴡwʏyᴢzɑaɡgıiȷjꞵbƅb";

    private Homoglyphs() {
    }

    static String fold(String s) {
        int textScript = majority(s, 0, s.length());
        StringBuilder out = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetter(c) && !isRegionalIndicator(s, i)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(s.charAt(i)) || Character.getType(s.charAt(i)) == Character.NON_SPACING_MARK
                    || isRegionalIndicator(s, i) || Character.isLowSurrogate(s.charAt(i)))) {
                i++;
            }
            String word = s.substring(start, i);
            String folded = foldWord(word, textScript);
            if (!folded.equals(word) && out == null) {
                out = new StringBuilder(n);
                out.append(s, 0, start);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String foldWord(String word, int textScript) {
        int latin = 0;
        int cyrillic = 0;
        int greek = 0;
        boolean special = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            switch (script(c)) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case GREEK -> greek++;
                default -> { }
            }
            special |= SMALL_CAPS.indexOf(c) >= 0 || Character.isHighSurrogate(c);
        }
        int kinds = (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0);
        if (kinds < 2 && !special) {
            return word;
        }
        int target = latin > cyrillic && latin > greek ? LATIN
                : cyrillic > latin && cyrillic > greek ? CYRILLIC
                : greek > latin && greek > cyrillic ? GREEK : textScript;
        StringBuilder out = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < word.length()) {
                int cp = word.codePointAt(k);
                k++;
                out.append(cp >= 0x1F1E6 && cp <= 0x1F1FF ? (char) ('a' + cp - 0x1F1E6) : new String(Character.toChars(cp)));
                continue;
            }
            char small = mapped(SMALL_CAPS, c);
            if (small != 0) {
                c = small;
            }
            int sc = script(c);
            if (target == LATIN && sc == CYRILLIC) {
                c = orSame(mapped(CYRILLIC_AS_LATIN, c), c);
            } else if (target == LATIN && sc == GREEK) {
                c = orSame(mapped(GREEK_AS_LATIN, c), c);
            } else if (target == CYRILLIC && sc == LATIN) {
                c = orSame(mapped(LATIN_AS_CYRILLIC, c), c);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isRegionalIndicator(String s, int i) {
        if (!Character.isHighSurrogate(s.charAt(i)) || i + 1 >= s.length()) {
            return false;
        }
        int cp = s.codePointAt(i);
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static int majority(String s, int from, int to) {
        int[] counts = new int[4];
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) {
                counts[script(c)]++;
            }
        }
        int best = LATIN;
        for (int k = 1; k < 3; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }

    private static int script(char c) {
        if (c < 0x250 && Character.isLetter(c)) {
            return LATIN;
        }
        if (c >= 0x0400 && c <= 0x052F) {
            return CYRILLIC;
        }
        if (c >= 0x0370 && c <= 0x03FF) {
            return GREEK;
        }
        if (SMALL_CAPS.indexOf(c) >= 0) {
            return LATIN;
        }
        return OTHER;
    }

    /** The letter paired with {@code c} in a table of pairs, or 0. */
    private static char mapped(String pairs, char c) {
        for (int k = 0; k + 1 < pairs.length(); k += 2) {
            if (pairs.charAt(k) == c) {
                return pairs.charAt(k + 1);
            }
        }
        return 0;
    }

    private static char orSame(char mapped, char c) {
        return mapped != 0 ? mapped : c;
    }
}
