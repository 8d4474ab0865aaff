package dev.chassis.testkit.participant;

import dev.chassis.testkit.participant.reading.Inflected;
import dev.chassis.testkit.participant.reading.LanguageDetector;
import dev.chassis.testkit.participant.reading.Phrases;
import dev.chassis.testkit.participant.reading.QuestionChecker;
import dev.chassis.testkit.participant.reading.Sentences;
import dev.chassis.testkit.participant.reading.Tone;
import dev.chassis.testkit.participant.reading.Tokens;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a participant makes of the interviewer's words: the language they were said in, what was
 * asked and how, the tone, and whether their own words came back.
 *
 * @param lower    the words, lower case, for topic matching
 * @param language the language they were surely said in, if any
 * @param question the sentence that asks, as a key to notice a repeat
 * @param words    how many words were said
 * @param echo     the run of their own earlier words that was quoted back, if any
 * @param reading  the language it is read in: the one it was surely said in, else the one they speak
 */
record Hearing(String text, String lower, Optional<String> language, String question, int questionWords, int words,
               QuestionChecker.Verdict verdict, boolean warm, boolean empathyFirst, boolean specific, Tone.Address address,
               Optional<String> echo, String reading) {

    static Hearing of(String interviewer, String speaking, List<String> ownAnswers) {
        Optional<String> language = LanguageDetector.of(interviewer).sure().stream().findFirst();
        String reading = language.orElse(speaking);
        QuestionChecker.Verdict verdict = QuestionChecker.check(interviewer, reading);
        String question = verdict.asking().isEmpty() ? interviewer.strip() : verdict.asking().getLast();
        Optional<String> echo = Optional.empty();
        for (int i = ownAnswers.size() - 1; i >= 0 && echo.isEmpty(); i--) {
            String e = Tokens.echo(interviewer, ownAnswers.get(i), 3);
            echo = e.isEmpty() ? Optional.empty() : Optional.of(ownAnswers.get(i));
        }
        return new Hearing(interviewer, interviewer.toLowerCase(Locale.ROOT), language, key(question), Sentences.words(question),
                Sentences.words(interviewer), verdict, Tone.warm(interviewer, reading), Tone.empathyFirst(interviewer, reading),
                Tone.specific(interviewer, reading), Tone.address(interviewer, reading), echo, reading);
    }

    static String key(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A follow-up on what they said: their words quoted back, or a concrete instance asked for. */
    boolean followUp() {
        return echo.isPresent() || specific;
    }

    /** Whether any of {@code keywords} starts a word of what was said ("setup" meets "setups"). */
    boolean mentions(List<String> keywords) {
        return keywords.stream().anyMatch(k -> containsWord(lower, k, reading));
    }

    /** How many of {@code keywords} it mentions. */
    int hits(List<String> keywords) {
        return (int) keywords.stream().filter(k -> containsWord(lower, k, reading)).count();
    }

    /** Whether {@code word} starts a word of {@code text}, or, in a language whose words inflect, is there in another form. */
    static boolean containsWord(String text, String word, String language) {
        return containsWord(text, word) || Inflected.inflects(language) && Inflected.contains(text, word.toLowerCase(Locale.ROOT));
    }

    static boolean containsWord(String text, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        boolean unspaced = Phrases.unspaced(w); // Chinese, Japanese, Thai: no spaces to start a word after
        for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
            if (unspaced || i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }
}
