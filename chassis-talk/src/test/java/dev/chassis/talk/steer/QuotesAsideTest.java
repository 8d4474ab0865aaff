package dev.chassis.talk.steer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chassis.talk.text.Analysis;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A follow-up on the person's words is made on their answer, not on an aside after it, when no sentence of the answer uses
 * the objective's words: the answer comes first ("All morning at the desk..."), the aside after it ("Anyway, my dog came
 * second at his agility class"). Digging into the aside left the objective as thin as before (an English development
 * interview, its 'habits' objective shallow once the answer that completed it was followed up).
 */
class QuotesAsideTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | How often do you use the app these days, and in which situations? | All morning at the desk, less in the afternoon when the dentists run late and we are on the phones. Anyway, I was telling someone about Biscuit's agility class yesterday, he came second! | agility
            es | ¿Con qué frecuencia usa la aplicación estos días y en qué situaciones? | Toda la mañana en el mostrador, menos por la tarde cuando los dentistas se retrasan y atendemos el teléfono. Por cierto, ayer le conté a alguien que mi perro Canelo quedó segundo en su concurso de agilidad. | agilidad
            de | Wie oft nutzen Sie die App derzeit, und in welchen Situationen? | Den ganzen Vormittag am Empfang, nachmittags weniger, wenn die Zahnärzte sich verspäten und wir am Telefon sind. Übrigens hat mein Hund Bello gestern beim Agility-Turnier den zweiten Platz gemacht. | agility
            fr | À quelle fréquence utilisez-vous l'application ces jours-ci, et dans quelles situations ? | Toute la matinée à l'accueil, moins l'après-midi quand les dentistes ont du retard et que nous sommes au téléphone. D'ailleurs, mon chien Biscuit a fini deuxième à son concours d'agilité hier. | agilité
            """)
    void anAsideAfterTheAnswerIsNotWhatIsQuoted(String language, String objective, String answer, String aside) {
        Set<String> topic = Analysis.termSet(objective, language);
        String quote = Quotes.salient(answer, 6, language, topic);
        assertFalse(quote.isEmpty(), "a quote");
        String first = answer.substring(0, answer.indexOf('.'));
        assertTrue(first.contains(quote), language + ": quoted '" + quote + "', not from the answer '" + first + "'");
        assertFalse(quote.toLowerCase(Locale.ROOT).contains(aside), language + ": the aside was quoted: " + quote);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | How often do you use the app these days? | Honestly it depends. I use the app every morning to check the rota. | rota
            es | ¿Con qué frecuencia usa la aplicación estos días? | Depende, la verdad. Uso la aplicación cada mañana para ver los turnos. | turnos
            de | Wie oft nutzen Sie die App derzeit? | Kommt darauf an. Ich nutze die App jeden Morgen für den Dienstplan. | dienstplan
            """)
    void aSentenceOnTheTopicIsStillPreferredWhereverItIs(String language, String objective, String answer, String word) {
        String quote = Quotes.salient(answer, 6, language, Analysis.termSet(objective, language));
        assertTrue(quote.toLowerCase(Locale.ROOT).contains(word) || answer.substring(answer.indexOf('.') + 1).contains(quote),
                language + ": " + quote);
    }
}
