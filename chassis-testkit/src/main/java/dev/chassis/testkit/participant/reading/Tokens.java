package dev.chassis.testkit.participant.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Words of lower-cased text, and content terms that compare across paraphrases: frequent words of
 * every known language left out, words cut to a five-letter stem, unspaced scripts read as
 * character pairs.
 */
public final class Tokens {

    private static final int STEM = 5;

    private Tokens() {
    }

    /**
     * The words of {@code lower}: runs of word characters with inner apostrophes and hyphens; an
     * elided word ({@code l'app}, {@code qu'est-ce}) also gives its parts.
     */
    public static List<String> words(String lower) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            boolean inner = (c == '\'' || c == '-') && !w.isEmpty() && i + 1 < lower.length() && Phrases.wordChar(lower.charAt(i + 1));
            if (Phrases.wordChar(c) || inner) {
                w.append(c);
                continue;
            }
            if (!w.isEmpty()) {
                String word = w.toString();
                out.add(word);
                if (word.indexOf('\'') > 0 || word.indexOf('-') > 0) {
                    for (String part : word.split("(?<=')|-")) {
                        if (!part.isEmpty() && !part.equals(word)) {
                            out.add(part);
                        }
                    }
                }
                w.setLength(0);
            }
        }
        return out;
    }

    /** Content terms of {@code text}: comparable across paraphrases and languages that share words. */
    public static Set<String> content(String text) {
        String lower = Phrases.lower(text);
        Set<String> out = new LinkedHashSet<>();
        StringBuilder unspaced = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (Phrases.unspaced(s) && s != Character.UnicodeScript.HIRAGANA) {
                unspaced.append(c);
            } else {
                pairs(unspaced, out);
            }
        }
        pairs(unspaced, out);
        for (String w : words(lower)) {
            if (w.indexOf('\'') >= 0 || w.indexOf('-') >= 0 || Phrases.unspaced(w) || function(w)) {
                continue;
            }
            boolean number = w.chars().allMatch(Character::isDigit);
            if (number || w.codePointCount(0, w.length()) >= 3) {
                out.add(number ? w : stem(w));
            }
        }
        return out;
    }

    /** A word cut to its first letters, an Arabic article left off: close enough to meet its inflections. */
    static String stem(String w) {
        String s = w.startsWith("ال") && w.length() > 4 ? w.substring(2) : w;
        return s.codePointCount(0, s.length()) <= STEM ? s : s.substring(0, s.offsetByCodePoints(0, STEM));
    }

    private static boolean function(String w) {
        for (LanguageData l : Languages.all()) {
            if (l.function().contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static void pairs(StringBuilder run, Set<String> out) {
        for (int i = 0; i + 1 < run.length(); i++) {
            out.add(run.substring(i, i + 2));
        }
        run.setLength(0);
    }

    /**
     * Whether {@code text} repeats a run of at least {@code minWords} consecutive words of {@code source}
     * (for unspaced scripts, twice as many characters): someone's own words, quoted or echoed.
     */
    public static boolean echoes(String text, String source, int minWords) {
        return !echo(text, source, minWords).isEmpty();
    }

    /** The longest run of words {@code text} shares with {@code source}, if at least {@code minWords} long; else empty. */
    public static String echo(String text, String source, int minWords) {
        if (Phrases.unspaced(source)) {
            return sharedChars(Phrases.lower(text), Phrases.lower(source), minWords * 2);
        }
        List<String> a = words(Phrases.lower(text));
        List<String> b = words(Phrases.lower(source));
        String best = "";
        int bestLength = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                int k = 0;
                while (i + k < a.size() && j + k < b.size() && a.get(i + k).equals(b.get(j + k))) {
                    k++;
                }
                if (k > bestLength) {
                    bestLength = k;
                    best = String.join(" ", b.subList(j, j + k));
                }
            }
        }
        return bestLength >= minWords ? best : "";
    }

    private static String sharedChars(String a, String b, int min) {
        String best = "";
        for (int i = 0; i < a.length(); i++) {
            for (int j = i + Math.max(min, best.length() + 1); j <= a.length(); j++) {
                if (b.contains(a.substring(i, j))) {
                    best = a.substring(i, j);
                } else {
                    break;
                }
            }
        }
        return best.length() >= min ? best : "";
    }
}
