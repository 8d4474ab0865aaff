package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contradictions told in other words than the first time, in every language with claim cues: rates
 * ("once a month" / "several times a day"), a period made a habit ("chaque matin"), the group counted in
 * words ("just me and a part-time assistant"), numbers beside their multiplier, denials without a pronoun;
 * and what a negation denies (its scope), so a dislike does not contradict a use.
 */
class ContradictionWordingsTest {

    private static List<Signal.Contradiction> read(String language, String earlier, String later) {
        return ContradictionMonitor.over(List.of(earlier, later), language);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I check the dashboard every morning before standup.|Honestly I hardly ever look at the dashboard.",
            "en|Our clinic has 8 nurses on a night shift.|On nights there are only three nurses for the whole ward.",
            "en|I do the bookkeeping myself every Sunday evening.|My accountant does all the bookkeeping, I never touch it.",
            "en|I only open the app about once a month.|I open the app several times a day.",
            "en|I run a team of nine consultants.|It is really just me and a part-time assistant.",
            "en|Our team has about two hundred people.|It's really just me and one freelancer.",
            "en|I don't use the mobile app at all.|I use the mobile app on the bus every day.",
            "fr|Les retards sont rares sur ma ligne.|Mon train est en retard presque tous les jours.",
            "fr|Le calendrier partagé, je ne l'utilise jamais, je garde mon agenda papier.|J'ouvre le calendrier partagé chaque matin avant l'ouverture.",
            "fr|Nous sommes cinq infirmières dans le service la nuit.|La nuit, nous sommes douze infirmières.",
            "fr|Je n'ouvre l'application qu'une fois par mois environ.|J'ouvre l'application plusieurs fois par jour.",
            "de|Ich kaufe mein Ticket immer am Automaten.|Am Automaten kaufe ich mein Ticket nicht, nur online.",
            "de|Auf die Übersicht schaue ich selten, vielleicht einmal in der Woche.|Die Übersicht habe ich ständig offen, ich schaue mehrmals am Tag drauf.",
            "es|Hago la contabilidad yo misma todos los domingos.|Nunca hago la contabilidad, la lleva mi gestor.",
            "pt|Tenho quatro funcionários na loja.|Na loja somos só eu e mais um funcionário.",
            "pt|Não uso o aplicativo do banco.|Uso o aplicativo do banco todos os dias.",
            "ja|夜勤の看護師は8人です。|夜勤は看護師3人で回しています。",
            "ja|電子カルテは使っていません。|電子カルテを毎日使っています。",
            "hi|हम हर दिन मरीज़ के बिस्तर पर हैंडओवर करते हैं।|हम मरीज़ के बिस्तर पर हैंडओवर कभी नहीं करते।"})
    void the_same_thing_said_otherwise_the_second_time_is_a_contradiction(String language, String earlier, String later) {
        assertThat(read(language, earlier, later)).as("a contradiction").hasSize(1);
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "en|I don't like the new software.|I use the new software every day.",
            "en|I don't want to form a habit of relying on AI for my ideas.|I fear people will rely too much on AI for ideas.",
            "en|We have 8 nurses at night.|We had 8 admissions last night.",
            "en|The train is usually on time in the morning.|In the evening it is often late.",
            "en|We have 12 people on the team.|I invited 40 people to the launch party.",
            "en|Our team closed 40 tickets last week.|We are a team of six.",
            "fr|Je prends le train une fois par semaine.|Je prends le train chaque semaine, le lundi.",
            "es|Hago la contabilidad todos los domingos.|Mi hermana nunca hace nada de contabilidad.",
            "ja|夜勤の看護師は8人です。|昨夜は入院が8件ありました。"})
    void different_things_or_the_same_said_again_are_not(String language, String earlier, String later) {
        assertThat(read(language, earlier, later)).isEmpty();
    }

    @Test
    void a_rate_across_a_switch_of_language_is_compared() {
        LanguageMonitor.detect("Ceci est une phrase en français pour charger les modèles."); // as a live session has them, seconds after start
        var rarely = ClaimExtractor.extract(2, "I only open the app about once a month.", "en", "first-week").getFirst();
        var daily = ClaimExtractor.extract(6, "J'ouvre l'application plusieurs fois par jour.", "fr", "value").getFirst();
        assertThat(rarely.frequency()).hasValue("rarely");
        assertThat(daily.frequency()).hasValue("always");
        assertThat(Verdict.compare(rarely, daily)).hasValueSatisfying(v -> assertThat(v[0]).isEqualTo("frequency"));
    }
}
