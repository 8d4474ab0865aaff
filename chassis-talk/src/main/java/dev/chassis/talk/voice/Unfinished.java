package dev.chassis.talk.voice;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether words so far sound unfinished: they end on a word that needs another after it (a conjunction, a
 * preposition, an article, a hesitation) or on a comma, a dash or an ellipsis. Per language, for the languages the
 * interviewer speaks with a script that separates words; elsewhere only punctuation counts.
 */
final class Unfinished {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("and", "but", "so", "or", "because", "cause", "the", "a", "an", "to", "of", "with", "in", "on", "for",
                    "that", "which", "if", "when", "um", "uh", "er", "erm", "my", "your", "our", "is", "was", "were", "then",
                    "like", "about", "from", "at", "by", "as", "than", "also", "i", "we", "they", "it's", "i'm", "very"),
            "fr", Set.of("et", "mais", "ou", "donc", "parce", "que", "qui", "le", "la", "les", "un", "une", "de", "du", "des",
                    "à", "au", "aux", "avec", "pour", "dans", "sur", "euh", "mon", "ma", "mes", "je", "on", "est", "puis", "comme"),
            "de", Set.of("und", "aber", "oder", "weil", "dass", "der", "die", "das", "den", "dem", "ein", "eine", "einen", "zu",
                    "mit", "von", "vom", "zum", "beim", "in", "im", "auf", "für", "äh", "ähm", "mein", "meine", "ich", "wir", "ist", "war", "dann", "wie"),
            "es", Set.of("y", "pero", "o", "porque", "que", "el", "la", "los", "las", "un", "una", "de", "del", "a", "al", "con",
                    "en", "para", "por", "eh", "este", "mi", "mis", "es", "era", "entonces", "como", "muy"),
            "pt", Set.of("e", "mas", "ou", "porque", "que", "o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das",
                    "com", "em", "no", "na", "para", "por", "é", "era", "meu", "minha", "então", "como", "muito"),
            "it", Set.of("e", "ma", "o", "perché", "che", "il", "lo", "la", "i", "gli", "le", "un", "una", "di", "del", "della",
                    "a", "al", "con", "in", "per", "su", "ehm", "mio", "mia", "è", "era", "poi", "come", "molto"),
            "nl", Set.of("en", "maar", "of", "omdat", "dat", "de", "het", "een", "van", "met", "in", "op", "voor", "naar", "eh",
                    "uh", "mijn", "ik", "we", "is", "was", "dan", "als", "heel"));

    private Unfinished() {
    }

    static boolean of(String text, String language) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        if (t.endsWith(",") || t.endsWith("...") || t.endsWith("…") || t.endsWith("-") || t.endsWith("–") || t.endsWith(":")) {
            return true;
        }
        Set<String> words = WORDS.get(language.toLowerCase(Locale.ROOT).split("[-_]")[0]);
        if (words == null) {
            return false;
        }
        int space = t.lastIndexOf(' ');
        String last = t.substring(space + 1).toLowerCase(Locale.ROOT);
        return words.contains(last);
    }

    /** The words end a sentence: a full stop, a question or an exclamation mark (engines that punctuate). */
    static boolean closed(String text) {
        String t = text.strip();
        return t.endsWith(".") && !t.endsWith("...") || t.endsWith("?") || t.endsWith("!") || t.endsWith("。") || t.endsWith("？");
    }
}
