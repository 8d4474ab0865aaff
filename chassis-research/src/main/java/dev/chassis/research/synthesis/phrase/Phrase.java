package dev.chassis.research.synthesis.phrase;

/**
 * A key phrase of one sentence.
 *
 * @param key     lemmas joined by spaces ({@code check result}); equal keys are the same phrase
 * @param surface the words as the participant wrote them ({@code checking the results})
 * @param verbal  a verb with its object rather than a noun phrase
 */
public record Phrase(String key, String surface, boolean verbal) {

    /** How many words the key has. */
    public int length() {
        return key.split(" ").length;
    }
}
