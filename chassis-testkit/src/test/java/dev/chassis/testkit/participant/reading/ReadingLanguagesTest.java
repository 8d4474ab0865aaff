package dev.chassis.testkit.participant.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The evaluation's reading of the twenty languages added in session 5 (issue 16): an acknowledgement before a
 * question is empathy first, an open question is open and a yes/no question closed, each form of address is told
 * apart, and none of these sentences is taken for another language. Sentences from reading/samples.yaml.
 */
class ReadingLanguagesTest {

    private static final Map<String, Map<String, String>> SAMPLES = samples();
    static final List<String> CODES = List.copyOf(SAMPLES.keySet());

    @ParameterizedTest
    @FieldSource("CODES")
    void the_evaluation_reads_empathy_questions_and_address_in_the_language(String code) {
        Map<String, String> s = SAMPLES.get(code);
        assertThat(Languages.of(code)).as(code).isPresent();
        assertThat(Tone.empathyFirst(s.get("empathy"), code)).as("%s empathy: %s", code, s.get("empathy")).isTrue();
        QuestionChecker.Verdict open = QuestionChecker.check(s.get("open"), code);
        assertThat(open.asks()).as("%s asks: %s", code, s.get("open")).isTrue();
        assertThat(open.closed()).as("%s open: %s", code, s.get("open")).isFalse();
        QuestionChecker.Verdict closed = QuestionChecker.check(s.get("closed"), code);
        assertThat(closed.asks() && closed.closed()).as("%s closed: %s", code, s.get("closed")).isTrue();
        if (s.containsKey("formal")) {
            assertThat(Tone.address(s.get("formal"), code)).as("%s formal: %s", code, s.get("formal")).isEqualTo(Tone.Address.FORMAL);
        }
        if (s.containsKey("informal")) {
            assertThat(Tone.address(s.get("informal"), code)).as("%s informal: %s", code, s.get("informal")).isEqualTo(Tone.Address.INFORMAL);
        }
        for (String sentence : s.values()) {
            LanguageDetector.of(sentence).sure().forEach(l -> assertThat(l).as("%s taken for %s: %s", code, l, sentence).isEqualTo(code));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> samples() {
        try (InputStream in = ReadingLanguagesTest.class.getResourceAsStream("/reading/samples.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
