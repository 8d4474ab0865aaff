package dev.chassis.talk.steer;

import dev.chassis.core.text.KeyTerms;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks the person's own words to build on: a short verbatim span around their most telling term. */
public final class Quotes {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]+[.!?。！？]?");

    private Quotes() {
    }

    /** A verbatim span of {@code text} (at most {@code maxWords} words) around its most telling term. */
    public static String salient(String text, int maxWords) {
        String t = text.strip();
        var terms = KeyTerms.of(t, 1);
        if (terms.isEmpty()) {
            return firstWords(t, maxWords);
        }
        String term = terms.getFirst().toLowerCase(Locale.ROOT);
        Matcher m = SENTENCE.matcher(t);
        while (m.find()) {
            String sentence = m.group().strip();
            String lower = sentence.toLowerCase(Locale.ROOT);
            int at = lower.indexOf(term);
            if (at < 0) {
                continue;
            }
            String[] words = sentence.split("\\s+");
            int index = lower.substring(0, at).split("\\s+", -1).length - 1;
            int from = Math.max(0, Math.min(index - maxWords / 2, words.length - maxWords));
            int to = Math.min(words.length, from + maxWords);
            return String.join(" ", java.util.Arrays.copyOfRange(words, from, to)).replaceAll("[.!?,;:]+$", "");
        }
        return firstWords(t, maxWords);
    }

    private static String firstWords(String t, int maxWords) {
        String[] words = t.split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(words.length, maxWords))).replaceAll("[.!?,;:]+$", "");
    }
}
