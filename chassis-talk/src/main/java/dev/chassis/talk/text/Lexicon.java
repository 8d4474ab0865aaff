package dev.chassis.talk.text;

/**
 * Hedges and tone for the engagement monitor, read with the language's {@link Cues} (data files, not
 * code). Matching is on lower-cased text, by whole phrase.
 */
public final class Lexicon {

    private Lexicon() {
    }

    /** How many hedges {@code text} contains. */
    public static int hedges(String text, String language) {
        Cues c = Cues.of(language);
        return c.found(Cues.lower(text), c.hedges()).size();
    }

    /** Sentiment from -1 to 1: (positive - negative) / (positive + negative), 0 when neither. */
    public static double sentiment(String text, String language) {
        Cues c = Cues.of(language);
        String t = Cues.lower(text);
        int pos = c.found(t, c.positiveWords()).size();
        int neg = c.found(t, c.negativeWords()).size();
        return pos + neg == 0 ? 0 : (pos - neg) / (double) (pos + neg);
    }
}
