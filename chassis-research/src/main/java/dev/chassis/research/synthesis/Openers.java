package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spoken openers a sentence can start with before it says anything ("Like I said, ...", "To be honest, ...", "Um,
 * ..."), by language: a quote starts after them, at the clause they close, so it leads with what the participant said
 * rather than how they took the floor. The rest is the participant's exact words (a substring of the sentence). Stateless.
 */
final class Openers {

    /** Words a sentence must keep after its openers for them to be cut. */
    static final int MIN_WORDS = 4;

    // Openers cut when a comma (or dash, or ellipsis) closes them; interjections also when a space does.
    private static final Map<String, List<String>> CLOSED_BY_PUNCTUATION = Map.of(
            "en", List.of("like i said", "as i said", "like i mentioned", "as i mentioned", "as i say", "like i say", "to be honest",
                    "to be fair", "honestly", "frankly", "i mean", "you know", "i guess", "i think", "so", "well", "yeah", "yes", "yep",
                    "okay", "ok", "right", "sure", "oh", "ah", "basically", "actually", "anyway", "again", "and so", "but yeah",
                    "so yeah", "good question", "that's a good question", "that's a great question", "great question", "hmm", "um", "uh"),
            "de", List.of("wie gesagt", "ehrlich gesagt", "also", "ja", "naja", "na ja", "genau", "gut", "ok", "okay", "äh", "ähm",
                    "hm", "sagen wir mal", "ich meine", "gute frage"),
            "fr", List.of("comme je disais", "comme je l'ai dit", "pour être honnête", "honnêtement", "bon", "ben", "bah", "alors",
                    "donc", "oui", "ouais", "euh", "en fait", "je veux dire", "bonne question"),
            "es", List.of("como dije", "como te decía", "la verdad", "sinceramente", "bueno", "pues", "entonces", "sí", "vale",
                    "o sea", "eh", "este", "buena pregunta"),
            "pt", List.of("como eu disse", "para ser honesto", "sinceramente", "bom", "bem", "então", "sim", "tipo", "né", "é",
                    "quer dizer", "boa pergunta"),
            "it", List.of("come ho detto", "come dicevo", "sinceramente", "allora", "beh", "ecco", "sì", "cioè", "insomma",
                    "bella domanda"),
            "nl", List.of("zoals ik zei", "eerlijk gezegd", "nou", "ja", "dus", "oké", "eh", "goede vraag"));
    private static final Map<String, List<String>> INTERJECTIONS = Map.of(
            "en", List.of("um", "uh", "erm", "er", "hmm", "oh"), "de", List.of("äh", "ähm", "hm"), "fr", List.of("euh", "bah"),
            "es", List.of("eh", "em"), "pt", List.of("é", "hum"), "it", List.of("ehm", "mah"), "nl", List.of("eh", "uh"));
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private Openers() {
    }

    /**
     * {@code sentence} from its first word after its openers, in {@code language}: the whole sentence when it has none, and
     * nothing when it is all openers and a few words ("Honestly, it was fine.": no statement of its own).
     */
    static Optional<String> quotable(String sentence, String language) {
        Pattern p = PATTERNS.computeIfAbsent(language, Openers::pattern);
        Matcher m = p.matcher(sentence);
        if (!m.lookingAt() || m.end() == 0) {
            return Optional.of(sentence);
        }
        String rest = sentence.substring(m.end());
        boolean enough = !rest.isEmpty() && rest.strip().split("\\s+").length >= MIN_WORDS && Character.isLetterOrDigit(rest.codePointAt(0));
        return enough ? Optional.of(rest) : Optional.empty();
    }

    private static Pattern pattern(String language) {
        List<String> closed = CLOSED_BY_PUNCTUATION.getOrDefault(language, List.of());
        if (closed.isEmpty()) {
            return Pattern.compile("(?!)");   // a language without its openers listed: every sentence whole
        }
        String punctuated = alternatives(closed) + "\\s*(?:,|\\s[-–—]|\\.\\.\\.|…)";
        String bare = alternatives(INTERJECTIONS.getOrDefault(language, List.of())) + "(?=\\s)";
        // One or more openers in a row ("Yeah, so, like I said, ..."), then the spaces before the first word kept.
        return Pattern.compile("(?:\\s*(?:" + punctuated + "|" + bare + "))+\\s*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String alternatives(List<String> words) {
        return "(?:" + String.join("|", words.stream().sorted((a, b) -> b.length() - a.length())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q").replace("'", "\\E['’]\\Q")).toList()) + ")\\b";
    }
}
