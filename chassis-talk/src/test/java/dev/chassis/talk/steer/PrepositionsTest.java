package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.talk.language.Languages;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The prepositions file as data: a line for every supported language, bad lines refused with file, line and field,
 * and quotes of sentences the file was not written from cut before a preposition, not after it. The words a phrase may
 * border on are this test's own.
 */
class PrepositionsTest {

    @Test
    void every_supported_language_has_its_prepositions() {
        assertThat(Prepositions.languages()).containsExactlyInAnyOrderElementsOf(Languages.CODES);
        for (String code : Languages.CODES) {
            assertThat(Prepositions.of(code).size() + Prepositions.post(code).size()).as(code).isPositive();
        }
    }

    @Test
    void a_bad_line_names_the_file_the_line_and_the_field() {
        assertThatThrownBy(() -> Prepositions.parse("p.txt", "# words\nen: over\nxx: sur"))
                .hasMessageContaining("p.txt, line 3, field 'language'").hasMessageContaining("'xx'");
        assertThatThrownBy(() -> Prepositions.parse("p.txt", "en: over\nen: under"))
                .hasMessageContaining("p.txt, line 2, field 'language'").hasMessageContaining("merge");
        assertThatThrownBy(() -> Prepositions.parse("p.txt", "fr:   "))
                .hasMessageContaining("p.txt, line 1, field 'words'");
        assertThatThrownBy(() -> Prepositions.parse("p.txt", "de: ohne, mit"))
                .hasMessageContaining("p.txt, line 1, field 'words'").hasMessageContaining("'ohne,'");
        assertThatThrownBy(() -> Prepositions.parse("p.txt", "tr post: sonra\ntr post: önce"))
                .hasMessageContaining("p.txt, line 2, field 'language'").hasMessageContaining("'tr post'");
        assertThat(Prepositions.parse("p.txt", "tr post: sonra\nfi: ilman")).containsKeys("tr post", "fi");
        assertThatThrownBy(() -> Prepositions.parse("p.txt", "nl tijdens"))
                .hasMessageContaining("p.txt, line 1").hasMessageContaining("expected 'code: ...'");
    }

    @Test
    void quotes_in_languages_beyond_the_first_six_are_cut_before_a_preposition() {
        cutWell("nl", "We hebben de openstaande facturen van het hele kwartaal tijdens de overstap naar het nieuwe pakket kwijtgeraakt.",
                "tijdens", "naar", "de", "het", "van", "we", "hebben");
        cutWell("sv", "Vi tappade alla kvitton från hela kvartalet under flytten till det nya bokföringsprogrammet förra våren.",
                "under", "till", "det", "från", "vi", "alla");
        cutWell("pl", "Zgubiliśmy wszystkie faktury z całego kwartału podczas przejścia na nowy program księgowy zeszłej wiosny.",
                "podczas", "na", "z");
        cutWell("ru", "Мы потеряли все счета за целый квартал после перехода на новую бухгалтерскую программу прошлой весной.",
                "после", "на", "за", "мы", "все");
        String tr = "Geçen bahar yeni muhasebe programına geçtikten sonra bütün çeyreğin faturalarını tamamen kaybettik.";
        String quote = Quotes.salient(tr, 6, "tr");
        assertThat(tr).contains(quote);
        assertThat(tr.substring(tr.indexOf(quote) + quote.length()).strip()).as("'" + quote + "' ends before its postposition")
                .doesNotStartWith("sonra");
    }

    @Test
    void a_long_clause_without_spaces_is_cut_before_a_connective() {
        String ja = "請求書がすべて消えてしまったので月末の締めが本当に大変で誰も夜遅くまで家に帰れませんでした";
        String quote = Quotes.salient(ja, 6, "ja");
        assertThat(quote).isNotEmpty().hasSizeLessThanOrEqualTo(24);
        assertThat(ja).startsWith(quote);
        assertThat(ja.substring(quote.length())).startsWith("ので");
    }

    /**
     * The quote is the person's words, does not end on one of the test's prepositions, and leaves none of them in its
     * last two words with its phrase cut off (a quote running to the end of its clause may keep one).
     */
    private static void cutWell(String language, String answer, String... prepositions) {
        String quote = Quotes.salient(answer, 6, language);
        Set<String> own = Set.of(prepositions);
        assertThat(quote).as(answer).isNotEmpty();
        assertThat(answer).contains(quote);
        String[] words = quote.split("\\s+");
        assertThat(own).as(quote + " ends on a preposition").doesNotContain(bare(words[words.length - 1]));
        String after = answer.substring(answer.indexOf(quote) + quote.length()).strip();
        if (!after.isEmpty() && Character.isLetter(after.charAt(0))) {
            assertThat(own).as("'" + quote + "' cuts a preposition's phrase").doesNotContain(bare(words[words.length - 2]));
        }
    }

    private static String bare(String w) {
        return w.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}']+$", "");
    }
}
