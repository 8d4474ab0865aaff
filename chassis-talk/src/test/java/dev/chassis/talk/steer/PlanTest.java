package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotes cut where phrases are, refusals recognised with their topic, questions split one at a time in several languages. */
class PlanTest {

    private static final java.util.Set<String> FUNCTION = dev.chassis.talk.text.Cues.of("en").function();

    @Test
    void a_quote_starts_and_ends_at_a_phrase_boundary() {
        String answer = "The first thing was importing our old boards from the spreadsheet we had used for years, which took a whole weekend.";
        String quote = Quotes.salient(answer, 6, "en");
        assertThat(answer).contains(quote);
        String[] words = quote.split("\\s+");
        assertThat(FUNCTION).doesNotContain(words[words.length - 1].toLowerCase(java.util.Locale.ROOT));
        int at = answer.indexOf(quote);
        String before = answer.substring(0, at).strip();
        String after = answer.substring(at + quote.length()).strip();
        assertThat(before.isEmpty() || before.endsWith(",") || FUNCTION.contains(lastWord(before))).as(quote).isTrue();
        assertThat(after.isEmpty() || !Character.isLetter(after.charAt(0)) || FUNCTION.contains(after.split("\\s+")[0])).as(quote).isTrue();
    }

    private static String lastWord(String s) {
        String[] w = s.split("\\s+");
        return w[w.length - 1].toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void a_refusal_is_recognised_with_its_topic_in_several_languages() {
        assertThat(Declining.topic("I'd rather not talk about pricing, to be honest.", "en")).hasValueSatisfying(t -> assertThat(t).contains("price"));
        assertThat(Declining.topic("Prefiero no hablar de los impuestos.", "es")).isPresent();
        assertThat(Declining.topic("Je préfère ne pas en parler.", "fr")).isPresent();
        assertThat(Declining.topic("I'm not comfortable with the new software yet.", "en")).isEmpty();
        assertThat(Declining.names(List.of("price"), "How did you decide on the price plan?", "en")).isTrue();
    }

    @Test
    void questions_joined_by_a_second_question_word_are_split_in_several_languages() {
        assertThat(QuestionCheck.doubleBarrelled("¿En qué situaciones recurre a ella, y en cuáles la evita?", "es")).isTrue();
        assertThat(QuestionPlan.firstPart("¿En qué situaciones recurre a ella, y en cuáles la evita?")).isEqualTo("¿En qué situaciones recurre a ella?");
        assertThat(QuestionCheck.doubleBarrelled("Dans quelles situations l'utilisez-vous, et dans quelles l'évitez-vous ?", "fr")).isTrue();
    }
}
