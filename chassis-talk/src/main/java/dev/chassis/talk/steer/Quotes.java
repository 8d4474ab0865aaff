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

    /**
     * A verbatim span of {@code text} (at most {@code maxWords} words) around its most telling term: the
     * clause (between commas) that holds it when that is short enough, else a window of words around it.
     */
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
            if (!sentence.toLowerCase(Locale.ROOT).contains(term)) {
                continue;
            }
            for (String clause : sentence.split("[,;:—–]\\s*")) {
                String c = clause.strip().replaceAll("[.!?]+$", "");
                int words = c.isEmpty() ? 0 : c.split("\\s+").length;
                if (c.toLowerCase(Locale.ROOT).contains(term) && words >= 2 && words <= maxWords + 2) {
                    return c;
                }
            }
            String[] words = sentence.split("\\s+");
            String lower = sentence.toLowerCase(Locale.ROOT);
            int index = lower.substring(0, lower.indexOf(term)).split("\\s+", -1).length - 1;
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
