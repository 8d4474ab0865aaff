package dev.chassis.talk.guard;

import java.text.Normalizer;

/**
 * Brings text to one comparable form before cues are looked for, so that disguise does not hide a cue:
 * invisible characters (zero-width, bidi controls, soft hyphens, variation selectors) are dropped and
 * Unicode tag characters read as the ASCII they smuggle; NFKC folds full-width, mathematical and circled
 * letters; case is folded; letters borrowed from another script (a Cyrillic 'о' in a Latin word) are
 * folded to the script of the word they sit in; diacritics of Latin, Greek, Cyrillic, Hebrew and Arabic
 * letters are dropped (people type without them); digits and symbols inside Latin words are read as
 * the letters they stand for ("1gn0r3"). Cues go through the same function, so both sides agree.
 * Stateless and thread-safe.
 */
final class Normaliser {

    private static final int TABLE = 0x2000;
    // Base letter of each character below TABLE after dropping its diacritics (0 = unchanged).
    private static final char[] BASE = new char[TABLE];

    static {
        for (char c = 0xC0; c < TABLE; c++) {
            if (!foldable(c)) {
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (d.length() > 1 && d.charAt(0) != c && Character.isLetter(d.charAt(0))) {
                BASE[c] = d.charAt(0);
            }
        }
        BASE['ł'] = 'l';
        BASE['đ'] = 'd';
        BASE['ø'] = 'o';
        BASE['ı'] = 'i';
        BASE['ς'] = 'σ';
    }

    private Normaliser() {
    }

    /** The comparable form of {@code text}; never longer than twice its length. */
    static String normalise(String text) {
        if (isPlainAscii(text)) {
            return leet(text.toLowerCase(java.util.Locale.ROOT));
        }
        String visible = visible(text);
        String folded = Normalizer.normalize(visible, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        return leet(letters(Homoglyphs.fold(folded)));
    }

    /** {@code text} with case and diacritics folded only: what the writer typed, to tell a disguise from plain writing. */
    static String plain(String text) {
        return letters(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether {@code text} is ASCII without control characters: most answers, which skip the Unicode steps. */
    static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                return false;
            }
        }
        return true;
    }

    /** Drops what cannot be seen and reads tag characters (U+E0020..U+E007E) as the ASCII they encode. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xE0020 && cp <= 0xE007E) {
                out.append((char) (cp - 0xE0000));
            } else if (!invisible(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    static boolean invisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F)
                || cp == 0xFEFF || cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x180E || cp == 0x115F || cp == 0x1160
                || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0000 && cp <= 0xE0FFF)
                || cp == 0x0640; // Arabic tatweel stretches a word without changing it
    }

    /** Drops diacritics where people commonly omit them, folds Arabic letter variants and curly quotes. */
    private static String letters(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = fold(c, i > 0 ? s.charAt(i - 1) : ' ');
            if (r != c && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            }
            if (out != null && r != 0) {
                out.append(r);
            }
        }
        String folded = out == null ? s : out.toString();
        return folded.indexOf('ß') >= 0 ? folded.replace("ß", "ss") : folded;
    }

    /** The folded character, or 0 to drop it. */
    private static char fold(char c, char before) {
        if (c < 0xAB && c != '`') {
            return c;
        }
        if (c >= 0x0300 && c <= 0x036F) { // a combining mark left over after NFKC (stacked Vietnamese tones)
            return foldable(before) || before < 0x80 ? 0 : c;
        }
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0591 && c <= 0x05C7 && c != 0x05BE && c != 0x05C0 && c != 0x05C3 && c != 0x05C6)) {
            return 0; // Arabic harakat, Hebrew points
        }
        switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> {
                return 'ا';
            }
            case 'ى' -> {
                return 'ي';
            }
            case 'ة' -> {
                return 'ه';
            }
            case '’', '‘', 'ʼ', '`', '´', '′' -> {
                return '\'';
            }
            case '“', '”', '„', '«', '»', '″' -> {
                return '"';
            }
            default -> {
                return c < TABLE && BASE[c] != 0 ? BASE[c] : c;
            }
        }
    }

    /** Latin, Greek and Cyrillic letters, whose diacritics are folded. */
    private static boolean foldable(char c) {
        return (c >= 0xC0 && c <= 0x024F) || (c >= 0x0370 && c <= 0x03FF) || (c >= 0x0400 && c <= 0x04FF) || (c >= 0x1E00 && c <= 0x1FFF);
    }

    /**
     * Reads digits and symbols inside Latin words as letters: "1gn0r3" → "ignore", "$ecret" → "secret". A
     * word is touched only when it mixes letters with them, so "2024" and "4 pm" stay.
     */
    static String leet(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && leetWordChar(s, i)) {
                i++;
            }
            if (i > start) {
                int letters = 0;
                int subs = 0;
                for (int k = start; k < i; k++) {
                    char c = s.charAt(k);
                    if (c >= 'a' && c <= 'z') {
                        letters++;
                    } else if (leetLetter(c) != 0) {
                        subs++;
                    }
                }
                if (letters > 0 && subs > 0 && letters + subs >= 2 && !named(s, start, i)) {
                    if (out == null) {
                        out = new StringBuilder(n);
                        out.append(s, 0, start);
                    }
                    for (int k = start; k < i; k++) {
                        char c = s.charAt(k);
                        char l = leetLetter(c);
                        out.append(l != 0 ? l : c);
                    }
                } else if (out != null) {
                    out.append(s, start, i);
                }
            }
            if (i < n) {
                if (out != null) {
                    out.append(s.charAt(i));
                }
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /** A name with a number after it ("rot13", "base64", "win10") is written as meant, not in leetspeak. */
    private static boolean named(String s, int start, int end) {
        int k = start;
        while (k < end && s.charAt(k) >= 'a' && s.charAt(k) <= 'z') {
            k++;
        }
        int digits = end - k;
        while (k < end && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k == end && k > start && digits >= 2;
    }

    private static boolean leetWordChar(String s, int i) {
        char c = s.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return true;
        }
        // A symbol counts only between letters or digits, or before one ("$ecret", "!gnore"), never at a word's end ("now!").
        if (c == '@' || c == '$' || c == '!' || c == '|' || c == '€') {
            return i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1));
        }
        return false;
    }

    private static char leetLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> 0;
        };
    }
}
