package dev.chassis.talk.guard;

/**
 * Joins letters an attacker pulled apart: "i g n o r e   y o u r" (a wider gap between words), "ig-nore",
 * "i.g.n.o.r.e", "in_struc_tions". Works on normalised text. Stateless and thread-safe.
 */
final class Spacing {

    /** The joined text and whether letters spaced out one by one were joined (their word gaps may be gone). */
    record Joined(String text, boolean spacedLetters) { }

    private Spacing() {
    }

    /** Whether {@code s} has letters split by separators or spaced out: a cheap test. */
    static boolean split(String s) {
        int singles = 0;
        for (int i = 1; i + 1 < s.length(); i++) {
            char c = s.charAt(i);
            boolean between = Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i + 1));
            if (between && separator(c) && splitAgain(s, i + 1)) {
                return true; // "in-struc-tions", "i.g.n": a word cut twice ("e-mail" and "and/or" are written so)
            }
            if (c == ' ' && Character.isLetter(s.charAt(i - 1)) && (i < 2 || !Character.isLetter(s.charAt(i - 2)))) {
                if (++singles >= 3) {
                    return true;
                }
            } else if (c != ' ' && !Character.isLetter(c)) {
                singles = 0;
            }
        }
        return false;
    }

    private static boolean separator(char c) {
        return c == '-' || c == '.' || c == '_' || c == '*' || c == '·' || c == '/' || c == '+' || c == '~';
    }

    /** Whether the letters from {@code from} are cut again by a separator before the word ends. */
    private static boolean splitAgain(String s, int from) {
        for (int k = from; k + 1 < s.length() && Character.isLetter(s.charAt(k)); k++) {
            if (separator(s.charAt(k + 1)) && k + 2 < s.length() && Character.isLetter(s.charAt(k + 2))) {
                return true;
            }
        }
        return false;
    }

    static Joined join(String s) {
        StringBuilder unsplit = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean separator = c == '-' || c == '.' || c == '_' || c == '*' || c == '·' || c == '/' || c == '+' || c == '~';
            if (separator && i > 0 && i + 1 < s.length() && Character.isLetter(s.charAt(i - 1)) && Character.isLetter(s.charAt(i + 1))) {
                continue;
            }
            unsplit.append(c);
        }
        String t = unsplit.toString();
        String[] parts = parts(t);
        StringBuilder out = new StringBuilder(t.length());
        boolean spaced = false;
        int i = 0;
        while (i < parts.length) {
            int run = i;
            // a run of single letters, each followed by exactly one space
            while (run < parts.length && isSingleLetter(parts[run]) && (run + 1 >= parts.length || parts[run + 1].equals(" "))) {
                run += 2;
            }
            int letters = (run - i + 1) / 2;
            if (letters >= 3) {
                for (int k = i; k < Math.min(run, parts.length); k += 2) {
                    out.append(parts[k]);
                }
                spaced = true;
                i = Math.min(run, parts.length);
                continue;
            }
            out.append(parts[i]);
            i++;
        }
        return new Joined(singleSpaced(out), spaced);
    }

    /**
     * Each space alone and each run of other characters, in order: what {@code t.split("(?<= )|(?= )")} gives, cut in one
     * pass (the split tried both look-arounds at every position of every answer with a few single letters in it).
     */
    static String[] parts(String t) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int i = 0;
        int n = t.length();
        while (i < n) {
            if (t.charAt(i) == ' ') {
                parts.add(" ");
                i++;
                continue;
            }
            int start = i;
            while (i < n && t.charAt(i) != ' ') {
                i++;
            }
            parts.add(t.substring(start, i));
        }
        return parts.isEmpty() ? new String[] {t} : parts.toArray(String[]::new);
    }

    /** {@code s} with every run of two or more spaces made one: {@code replaceAll(" {2,}", " ")} in one pass. */
    static String singleSpaced(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' || i == 0 || s.charAt(i - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSingleLetter(String part) {
        return part.length() == 1 && Character.isLetter(part.charAt(0));
    }
}
