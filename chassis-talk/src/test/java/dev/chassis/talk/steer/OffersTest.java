package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.talk.language.Languages;
import org.junit.jupiter.api.Test;

/** Offers to say more, as data: every supported language, bad lines refused with file, line and field. */
class OffersTest {

    @Test
    void every_supported_language_has_its_offers() {
        assertThat(Offers.languages()).containsExactlyInAnyOrderElementsOf(Languages.CODES);
    }

    @Test
    void an_offer_is_read_inside_a_longer_answer_and_an_account_is_not_one() {
        assertThat(Offers.in("Honestly I'd be happy to go into detail about the migration if that helps.", "en")).isTrue();
        assertThat(Offers.in("Oui, je peux vous en dire plus sur la facturation, c'est un vrai sujet chez nous.", "fr")).isTrue();
        assertThat(Offers.in("We moved every invoice over to the new system after the audit.", "en")).isFalse();
        assertThat(Offers.in("Happy to go into detail on that.", "de")).isFalse();
    }

    @Test
    void a_bad_line_names_the_file_the_line_and_the_field() {
        assertThatThrownBy(() -> Offers.parse("o.txt", "en: i can say more\nqq: mehr"))
                .hasMessageContaining("o.txt, line 2, field 'language'").hasMessageContaining("'qq'");
        assertThatThrownBy(() -> Offers.parse("o.txt", "en: i can say more | 42 | glad to explain"))
                .hasMessageContaining("o.txt, line 1, field 'words'").hasMessageContaining("'42'");
        assertThatThrownBy(() -> Offers.parse("o.txt", "en post: i can say more"))
                .hasMessageContaining("o.txt, line 1").hasMessageContaining("expected 'code: ...'");
    }
}
