package dev.chassis.testkit.participant.reading;

import java.util.List;

/**
 * Words heard in their other forms, in a language whose words change their endings: "в тетради" is the
 * "тетрадь" a persona keeps, "konkreten" asks as "konkret" does, "подробнее" as "подробно". A word of five
 * letters or more meets the forms that keep all but its last letter and add at most three ({@code MAX_ENDING});
 * a shorter word only itself. Written without spaces (Japanese), a word's trailing kana are its inflection ("手書きする" is
 * heard in "手書きで"): its kanji stem is heard, when two characters or more are left. Stateless.
 */
public final class Inflected {

    /** Longest ending heard as a form of the same word: Russian -ами, German -en, Polish -ach. */
    private static final int MAX_ENDING = 3;
    private static final int MIN_STEMMED = 5;

    private Inflected() {
    }

    /** Whether {@code language} is read with its words' other forms ({@link LanguageData#inflects()}). */
    public static boolean inflects(String language) {
        return Languages.of(language).map(LanguageData::inflects).orElse(false);
    }

    /** Whether {@code lower} holds any of {@code phrases}, each word in any of its forms; marked phrases ({@code ^ ~ …}) are left to {@link Phrases}. */
    public static boolean any(String lower, List<String> phrases) {
        List<String> words = Tokens.words(lower);
        return phrases.stream().anyMatch(p -> !marked(p) && !Phrases.unspaced(p) && at(words, Tokens.words(p)));
    }

    /** Whether {@code lower} holds {@code phrase}, each of its words in any of its forms. */
    public static boolean contains(String lower, String phrase) {
        if (Phrases.unspaced(phrase)) {
            String stem = phrase.replaceFirst("\\p{IsHiragana}+$", "");
            return stem.length() >= 2 && !stem.equals(phrase) && Phrases.unspaced(stem) && lower.contains(stem);
        }
        return !marked(phrase) && at(Tokens.words(lower), Tokens.words(phrase));
    }

    /** Whether {@code word} is a form of {@code base}: itself, or its stem and a short ending. */
    static boolean form(String word, String base) {
        if (word.equals(base)) {
            return true;
        }
        int length = base.codePointCount(0, base.length());
        if (length < MIN_STEMMED || Phrases.unspaced(base)) {
            return false;
        }
        String stem = base.substring(0, base.offsetByCodePoints(0, length - 1));
        return word.startsWith(stem) && word.codePointCount(0, word.length()) - (length - 1) <= MAX_ENDING;
    }

    private static boolean at(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            int k = 0;
            while (k < phrase.size() && form(words.get(i + k), phrase.get(k))) {
                k++;
            }
            if (k == phrase.size()) {
                return true;
            }
        }
        return false;
    }

    private static boolean marked(String phrase) {
        return phrase.startsWith("^") || phrase.startsWith("~") || phrase.contains("…");
    }
}
