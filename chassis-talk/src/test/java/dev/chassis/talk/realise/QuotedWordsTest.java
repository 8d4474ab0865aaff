package dev.chassis.talk.realise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.directive.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The person's words are quoted back as what they said, whatever their form: a whole clause ("It clicked during our second
 * design review") is never made the subject of a sentence ("When 'It clicked ...' last came up") nor the thing an example is
 * of.
 */
class QuotedWordsTest {

    private static final DirectiveRealiser REALISER = new DirectiveRealiser();

    /** Per language: a clause a person said, and the frames (written here by hand) that would treat it as a noun phrase. */
    private static final Map<String, List<String>> CLAUSES = Map.of(
            "en", List.of("It clicked during our second design review", "\"%s\" last came up", "example of \"%s\""),
            "de", List.of("Es hat bei unserer zweiten Besprechung geklickt", "Als „%s“ zuletzt vorkam", "Beispiel für „%s“"),
            "fr", List.of("Ça a marché à notre deuxième réunion", "Quand « %s » s'est produit", "exemple concret de « %s »"),
            "es", List.of("Funcionó en nuestra segunda reunión", "La última vez que pasó «%s»", "ejemplo concreto de «%s»"),
            "pt", List.of("Funcionou na nossa segunda reunião", "Da última vez que aconteceu \"%s\"", "exemplo concreto de \"%s\""),
            "hi", List.of("दूसरी बैठक में बात बन गई", "पिछली बार जब \"%s\" हुआ", "\"%s\" का कोई ठोस उदाहरण"),
            "ar", List.of("نجح الأمر في اجتماعنا الثاني", "آخر مرة حدث فيها \"%s\"", "مثال محدد على \"%s\""),
            "ja", List.of("二回目の打ち合わせでうまくいきました", "「%s」の具体的な例", "「%s」の例"));

    @Test
    void a_clause_quoted_back_is_never_made_the_subject_of_a_sentence_in_any_variant() {
        CLAUSES.forEach((language, c) -> {
            for (int turn = 1; turn <= 12; turn++) {
                String reply = REALISER.realise(new Directive.Probe(language, "start", c.get(0), "", List.of()), prompt(turn)).text();
                assertThat(reply).as(language + " @" + turn).contains(c.get(0))
                        .doesNotContain(String.format(c.get(1), c.get(0))).doesNotContain(String.format(c.get(2), c.get(0)));
            }
        });
    }

    private static Prompt prompt(int turns) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < turns; i++) {
            messages.add(Message.assistant("Question " + i + "?"));
            messages.add(Message.user("We moved the whole studio over in a week and the client loved the comment threads."));
        }
        return Prompt.of(messages);
    }
}
