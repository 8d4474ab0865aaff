package dev.chassis.talk.voice;

import java.util.List;
import java.util.Objects;

/**
 * What a recogniser made of the audio so far.
 *
 * @param text     the words, space-separated
 * @param isFinal  the recogniser will not revise this text; a partial one may still change
 * @param words    the words with their timings on the stream's clock (empty when the engine gives none)
 * @param language the language recognised (a BCP 47 tag such as {@code en})
 */
public record SpeechTranscript(String text, boolean isFinal, List<Word> words, String language) {

    public SpeechTranscript {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        Objects.requireNonNull(language, "language");
    }

    /** A transcript whose text is its words joined. */
    public static SpeechTranscript of(List<Word> words, boolean isFinal, String language) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.text());
        }
        return new SpeechTranscript(sb.toString(), isFinal, words, language);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
