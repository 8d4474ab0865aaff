package dev.chassis.talk.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.text.Analysis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class AnalyzersTest {

    static final List<String> CODES = Languages.CODES;

    @ParameterizedTest
    @FieldSource("CODES")
    void every_language_gives_several_content_terms_and_drops_its_function_words(String code) {
        List<String> terms = Analysis.terms(LanguageSamples.ANSWERS.get(code), code);
        assertThat(terms).as(code).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void unspaced_scripts_are_segmented_into_words() {
        assertThat(Analysis.terms("普段は朝にアプリを開いて、配送が遅れているかを確認しています。", "ja")).contains("アプリ", "配送", "確認");
        assertThat(Analysis.terms("我通常早上打开这个应用，看看哪些货物会迟到。", "zh")).contains("早上", "应用", "货物");
        assertThat(Analysis.terms("ปกติผมจะเปิดแอปตอนเช้าเพื่อดูการส่งของ", "th")).contains("ปกติ", "ตอน", "เช้า");
        assertThat(Analysis.terms("보통 아침에 앱을 열어서 배송을 확인해요.", "ko")).contains("아침", "배송", "확인");
    }

    @Test
    void inflected_forms_meet_on_one_stem() {
        assertThat(Analysis.termSet("dostawy", "pl")).isEqualTo(Analysis.termSet("dostawa", "pl"));
        assertThat(Analysis.termSet("поставки", "ru")).isEqualTo(Analysis.termSet("поставка", "ru"));
        assertThat(Analysis.termSet("поставки", "uk")).isEqualTo(Analysis.termSet("поставка", "uk"));
        assertThat(Analysis.termSet("consegne", "it")).isEqualTo(Analysis.termSet("consegna", "it"));
        assertThat(Analysis.termSet("teslimatlar", "tr")).isEqualTo(Analysis.termSet("teslimat", "tr"));
        assertThat(Analysis.termSet("παραδόσεις", "el")).isEqualTo(Analysis.termSet("παράδοση", "el"));
        assertThat(Analysis.termSet("makanan", "id")).isEqualTo(Analysis.termSet("makan", "id"));
    }

    @Test
    void arabic_and_hebrew_are_right_to_left_and_the_rest_left_to_right() {
        assertThat(Languages.ALL.stream().filter(SupportedLanguage::rightToLeft).map(SupportedLanguage::code)).containsExactly("ar", "he");
        assertThat(Languages.of("he").direction()).isEqualTo("rtl");
        assertThat(Languages.of("ja").direction()).isEqualTo("ltr");
        assertThat(Languages.CODES).hasSize(28).doesNotHaveDuplicates();
    }
}
