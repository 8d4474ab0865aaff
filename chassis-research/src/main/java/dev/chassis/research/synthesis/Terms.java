package dev.chassis.research.synthesis;

import dev.chassis.core.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Content terms of a text for grouping and naming: lower-case words without function words, numbers
 * or very short words, with a light plural folding ({@code tools} to {@code tool}) so that the same
 * idea counts once. Deterministic and stateless.
 */
final class Terms {

    // Conversational filler that carries no theme in interviews, beyond the shared stopwords.
    private static final Set<String> FILLER = Set.copyOf(java.util.List.of(
            "gonna", "kinda", "okay", "ok", "sure", "guess", "stuff", "definitely", "probably", "basically",
            "things", "anything", "everything", "someone", "somebody", "somewhat", "always", "never", "often",
            "sometimes", "usually", "rarely", "hardly", "barely", "seldom", "however", "though", "although", "quite", "rather", "every", "another",
            "don", "didn", "doesn", "isn", "wasn", "can't", "won't", "didn't", "doesn't", "haven't", "i'll",
            "you'll", "we'll", "it'll", "that'll", "they'll", "etc", "via", "yet", "already", "around", "within",
            "without", "across", "since", "until", "whether", "able", "lots", "much", "less", "least", "also",
            "hmm", "hmmm", "yes", "yeah", "thank", "thanks", "time", "way", "ways", "part", "sense", "feel", "felt",
            // generic verbs and adjectives that name no theme
            "using", "used", "uses", "come", "comes", "coming", "came", "give", "gives", "giving", "gave", "find",
            "found", "wanted", "wants", "need", "needs", "needed", "try", "tried", "trying", "take", "takes", "took",
            "taking", "made", "makes", "making", "look", "looks", "looking", "looked", "first", "different", "myself",
            "yourself", "itself", "put", "getting", "goes", "went", "done", "doing", "seem", "seems", "especially",
            "certain", "specific", "particular", "example", "instance", "definitely", "good", "great", "right",
            "new", "old", "big", "little", "whole", "else", "thing", "currently", "recently", "typically", "generally",
            "mostly", "simply", "really", "enough", "instead", "might", "must", "may", "shall"));

    private Terms() {
    }

    /**
     * The content terms of {@code text}, in order, repeats kept, followed by its phrases: two content
     * words next to each other in the text ({@code help center}), which name themes better than words.
     */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        String previous = null;
        for (String w : Words.words(text)) {
            String t = w.replace('’', '\'');
            if (t.length() < 3 || Words.isStopword(t) || FILLER.contains(t) || t.chars().anyMatch(Character::isDigit)
                    || t.contains("'")) {
                previous = null;
                continue;
            }
            String folded = fold(t);
            out.add(folded);
            if (previous != null && !previous.equals(folded)) {
                phrases.add(previous + " " + folded);
            }
            previous = folded;
        }
        out.addAll(phrases);
        return out;
    }

    /** The single words of a term list, without its phrases. */
    static List<String> words(List<String> terms) {
        return terms.stream().filter(t -> t.indexOf(' ') < 0).toList();
    }

    /**
     * The first {@code limit} of {@code ranked} without overlap: a word inside a chosen phrase is
     * skipped, and a phrase replaces the words of it chosen before ({@code help center} over {@code help}).
     */
    static List<String> distinct(List<String> ranked, int limit) {
        List<String> chosen = new ArrayList<>();
        for (String t : ranked) {
            if (chosen.size() == limit) {
                break;
            }
            if (chosen.stream().anyMatch(c -> within(t, c) || c.equals(t))) {
                continue;
            }
            chosen.removeIf(c -> within(c, t));
            chosen.add(t);
        }
        return chosen;
    }

    /** Whether {@code word} is one of the words of {@code phrase}. */
    static boolean within(String word, String phrase) {
        return phrase.indexOf(' ') > 0 && java.util.Arrays.asList(phrase.split(" ")).contains(word);
    }

    /** Folds a simple English plural to its singular; leaves other words alone. */
    static String fold(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() >= 4 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                && !w.endsWith("as")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
