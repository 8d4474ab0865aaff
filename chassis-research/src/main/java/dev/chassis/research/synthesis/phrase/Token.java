package dev.chassis.research.synthesis.phrase;

/**
 * One word of a sentence.
 *
 * @param text  as written
 * @param lemma lower-case and reduced to its stem (the key phrases are made of these)
 * @param tag   its part of speech
 * @param start offset of its first character in the sentence
 * @param end   offset after its last character
 */
public record Token(String text, String lemma, Tag tag, int start, int end) {
}
