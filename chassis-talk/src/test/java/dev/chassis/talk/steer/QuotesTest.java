package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Quotes of the person's words cut where a phrase is, in several languages: never ending on, nor starting
 * right after, a content word that runs on. The words a phrase may border on are this test's own, written
 * for it (prepositions, articles, conjunctions), not the harness's lists.
 */
class QuotesTest {

    private static final Set<String> EN = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "from", "over",
            "after", "before", "through", "under", "during", "between", "into", "and", "or", "but", "because", "which", "that",
            "so", "we", "i", "it", "was", "is", "had", "our", "my", "when", "until", "then", "there", "against", "about", "above");
    private static final Set<String> FR = Set.of("le", "la", "les", "un", "une", "des", "de", "du", "d'", "à", "au", "aux", "en", "dans",
            "sur", "sous", "après", "avant", "pendant", "pour", "par", "avec", "et", "ou", "mais", "car", "que", "qui", "nous", "je",
            "on", "a", "avons", "ai", "est", "était", "chez", "entre");
    private static final Set<String> DE = Set.of("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "nach",
            "vor", "über", "unter", "durch", "während", "mit", "von", "zu", "zur", "zum", "in", "im", "auf", "für", "und", "oder",
            "aber", "weil", "dass", "wir", "ich", "haben", "habe", "hat", "ist", "war", "seit", "bei", "beim");

    @Test
    void an_english_quote_is_not_cut_before_a_preposition_that_runs_on() {
        for (String answer : new String[] {
                "We moved every single invoice over to the new system after the audit last spring, and nobody complained.",
                "Most weeks I go through the whole pile of receipts under pressure during the last days before the deadline.",
                "My partner handled the payroll through the old bank portal until the migration broke everything for a month."}) {
            wellCut(answer, Quotes.salient(answer, 6, "en"), EN);
        }
    }

    @Test
    void quotes_in_french_and_german_are_cut_at_phrase_boundaries() {
        String fr = "Nous avons perdu toutes les factures du mois pendant la migration vers le nouveau logiciel de comptabilité.";
        wellCut(fr, Quotes.salient(fr, 6, "fr"), FR);
        String de = "Wir haben die offenen Posten nach dem Umstieg auf das neue System während der Umstellung komplett verloren.";
        wellCut(de, Quotes.salient(de, 6, "de"), DE);
    }

    private static void wellCut(String answer, String quote, Set<String> bounds) {
        assertThat(quote).as(answer).isNotEmpty();
        assertThat(answer).contains(quote);
        String[] words = quote.split("\\s+");
        assertThat(bounds).as(quote).doesNotContain(bare(words[words.length - 1]));
        assertThat(bounds).as(quote).doesNotContain(bare(words[0]));
        int at = answer.indexOf(quote);
        String before = answer.substring(0, at).strip();
        String after = answer.substring(at + quote.length()).strip();
        assertThat(before.isEmpty() || !Character.isLetter(before.charAt(before.length() - 1)) || bounds.contains(bare(last(before))))
                .as("'" + quote + "' starts mid-phrase").isTrue();
        assertThat(after.isEmpty() || !Character.isLetter(after.charAt(0)) || bounds.contains(bare(after.split("\\s+")[0])))
                .as("'" + quote + "' ends mid-phrase").isTrue();
    }

    private static String last(String s) {
        String[] w = s.split("\\s+");
        return w[w.length - 1];
    }

    private static String bare(String w) {
        return w.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}']+$", "");
    }
}
