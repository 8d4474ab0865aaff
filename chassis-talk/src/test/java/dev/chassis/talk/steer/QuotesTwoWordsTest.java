package dev.chassis.talk.steer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A follow-up quotes a phrase of the person's, not the two words their answer opens on: "En septembre" (a date), "Und
 * Leute" (a conjunction and a noun) heard back alone ask about nothing they said, and what they said is in the clause
 * after it. Found in French, German and Russian development interviews, where such quotes were every follow-up on the
 * answer that held a hidden fact's words. Sentences written for this test, not taken from the personas.
 */
class QuotesTwoWordsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Le lundi, je prépare les feuilles de présence à partir du registre papier de l'accueil.
            fr | En janvier, nous recomptons tous les instruments prêtés aux élèves débutants.
            de | Im Winter, wenn der Boden gefroren ist, lagern wir die Setzlinge im alten Kühlraum.
            de | Und Kunden, die ihre Bestellung am Telefon ändern, schreibe ich auf einen Block neben der Kasse.
            ru | По пятницам, когда все уходят, я сверяю кассу с тетрадью заказов.
            es | Los martes, antes de abrir, apunto los pedidos de las farmacias en una libreta.
            en | On Mondays, before anyone comes in, I copy the orders from the fax into a spreadsheet.
            """)
    void aTwoWordOpeningIsNotTheQuote(String language, String answer) {
        String quote = Quotes.salient(answer, 6, language);
        assertTrue(answer.contains(quote), quote);
        assertTrue(quote.split("\\s+").length >= 3, language + ": '" + quote + "' is two words or fewer");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Par écrit.
            de | Am Telefon.
            """)
    void twoWordsAreQuotedWhenNothingLongerIsSaid(String language, String answer) {
        assertEquals(answer.replaceAll("[.]$", ""), Quotes.salient(answer, 6, language));
    }
}
