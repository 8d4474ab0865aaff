package dev.chassis.research.synthesis.phrase;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a key phrase reads as a theme name. An English verb phrase is named by its gerund without
 * articles or possessives, as a researcher would write it ("check the sources" and "checked my sources"
 * become "Checking sources"); a noun phrase keeps the participants' words. Stateless.
 */
public final class Wording {

    private static final Pattern SHORT = Pattern.compile("^[^aeiou]{1,2}[aeiou][^aeiouwxy]$");
    private static final java.util.Set<String> SKIPPED = java.util.Set.of("the", "a", "an", "my", "your", "his", "her", "its",
            "our", "their", "this", "that", "these", "those", "some", "any");
    private static final Map<String, String> BASE = Map.ofEntries(Map.entry("wrote", "write"), Map.entry("written", "write"),
            Map.entry("made", "make"), Map.entry("found", "find"), Map.entry("took", "take"), Map.entry("gave", "give"),
            Map.entry("given", "give"), Map.entry("spent", "spend"), Map.entry("ran", "run"), Map.entry("built", "build"),
            Map.entry("brought", "bring"), Map.entry("taught", "teach"), Map.entry("drew", "draw"), Map.entry("chose", "choose"),
            Map.entry("sent", "send"), Map.entry("read", "read"), Map.entry("did", "do"), Map.entry("does", "do"), Map.entry("has", "have"),
            Map.entry("had", "have"), Map.entry("got", "get"), Map.entry("lost", "lose"), Map.entry("saw", "see"), Map.entry("felt", "feel"));

    private Wording() {
    }

    /**
     * The theme name for a phrase as it was said, in a language; capitalised. A gerund is kept only when it reads back to
     * the phrase's own verb: one made from a form these rules do not know ("began" to "beganing") is a word nobody wrote,
     * and the phrase is named as it was said instead ("Began testing").
     */
    public static String name(Phrase phrase, String language) {
        String text = phrase.surface();
        if (phrase.verbal() && language.equals("en")) {
            String gerund = gerundPhrase(phrase.surface());
            if (readsBack(gerund.split("\\s+")[0], phrase.key().split(" ")[0])) {
                text = gerund;
            }
        }
        if (!text.isEmpty() && text.equals(text.toUpperCase(Locale.ROOT)) && text.length() > 4) {
            text = text.toLowerCase(Locale.ROOT);   // shouted words are named in plain case
        }
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** Whether an -ing form reduces to the verb's lemma, as the phrase's key has it ("checking" to "check"). */
    private static boolean readsBack(String gerund, String lemma) {
        return English.LEXICON.lemmas(List.of(gerund)).getFirst().equals(lemma);
    }

    /** English, made on first use (its stemmer): only English verb phrases are named by their gerund. */
    private static final class English {
        static final Lexicon LEXICON = Lexicon.of("en");
    }

    private static String gerundPhrase(String surface) {
        String[] words = surface.split("\\s+");
        StringBuilder out = new StringBuilder(gerund(words[0]));
        for (int i = 1; i < words.length; i++) {
            if (!SKIPPED.contains(words[i].toLowerCase(Locale.ROOT))) {
                out.append(' ').append(words[i]);
            }
        }
        return out.toString();
    }

    /** The -ing form of an English verb as written ("checks", "checked", "check" to "checking"). */
    static String gerund(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.endsWith("ing") || v.contains("-")) {
            return verb;
        }
        String base = BASE.getOrDefault(v, v);
        if (base.equals(v)) {
            if (v.endsWith("ies") && v.length() > 4) {
                base = v.substring(0, v.length() - 3) + "y";
            } else if (v.endsWith("ied") && v.length() > 4) {
                base = v.substring(0, v.length() - 3) + "y";
            } else if (v.endsWith("ed") && v.length() > 4) {
                base = v.substring(0, v.length() - 2);
                if (base.length() > 2 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)) {
                    base = base.substring(0, base.length() - 1);   // planned -> plan
                } else if (!base.isEmpty() && "cgsvz".indexOf(base.charAt(base.length() - 1)) >= 0) {
                    base = base + "e";   // used -> use, changed -> change
                }
            } else if (v.endsWith("es") && (v.endsWith("shes") || v.endsWith("ches") || v.endsWith("sses") || v.endsWith("xes"))) {
                base = v.substring(0, v.length() - 2);
            } else if (v.endsWith("s") && !v.endsWith("ss") && v.length() > 3) {
                base = v.substring(0, v.length() - 1);
            }
        }
        if (base.endsWith("ie")) {
            return base.substring(0, base.length() - 2) + "ying";
        }
        if (base.endsWith("e") && !base.endsWith("ee") && !base.endsWith("ye") && !base.endsWith("oe") && base.length() > 2) {
            return base.substring(0, base.length() - 1) + "ing";
        }
        if (SHORT.matcher(base).matches()) {
            return base + base.charAt(base.length() - 1) + "ing";
        }
        return base + "ing";
    }
}
