package dev.chassis.testkit.participant.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final Path INTERVIEWS = Path.of(System.getProperty("chassis.shared.dir", "../../shared"), "data", "interviews");

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> sentences() throws IOException {
        try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/reading/sentences.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        }
    }

    @Test
    void a_sentence_is_never_given_the_wrong_language_and_most_of_five_words_or_more_are_recognised() throws IOException {
        int longer = 0;
        int recognised = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : sentences().entrySet()) {
            for (String s : e.getValue()) {
                Optional<LanguageDetector.Guess> g = LanguageDetector.sentence(s).filter(LanguageDetector.Guess::sure);
                g.filter(x -> !x.language().equals(e.getKey())).ifPresent(x -> wrong.add(e.getKey() + " taken for " + x.language() + ": " + s));
                if (Sentences.words(s) >= 5) {
                    longer++;
                    recognised += g.isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(recognised).as("recognised of %d sentences of five words or more", longer).isGreaterThanOrEqualTo((int) (0.9 * longer));
    }

    @Test
    void a_turn_in_two_languages_is_mixed_and_quoted_words_do_not_count() {
        assertThat(LanguageDetector.of("Claro, sigamos en español. In a sentence or two: what changed for your team?").mixed()).isTrue();
        assertThat(LanguageDetector.of("Gern, machen wir auf Deutsch weiter. How often do you use the app these days?").mixed()).isTrue();
        LanguageDetector.TextLanguages quoted = LanguageDetector.of("You said \"la verdad es que no me gusta nada\" — what did you mean by that?");
        assertThat(quoted.mixed()).isFalse();
        assertThat(quoted.onlyIn("en")).isTrue();
        assertThat(LanguageDetector.of("Thanks. Okay.").sure()).isEmpty();
    }

    @Test
    void scripts_settle_japanese_hindi_and_arabic() {
        assertThat(LanguageDetector.whole("最初に何を試しましたか？").map(LanguageDetector.Guess::language)).hasValue("ja");
        assertThat(LanguageDetector.whole("आपने सबसे पहले क्या आज़माया?").map(LanguageDetector.Guess::language)).hasValue("hi");
        assertThat(LanguageDetector.whole("ماذا جربت أولاً؟").map(LanguageDetector.Guess::language)).hasValue("ar");
    }

    @Test
    void no_sentence_of_the_real_interviews_is_taken_for_another_language_than_english() throws IOException {
        assumeTrue(Files.isDirectory(INTERVIEWS), "skipped: " + INTERVIEWS + " is absent (the shared interview transcripts)");
        int sentences = 0;
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("creatives_transcripts.csv", "scientists_transcripts.csv")) {
            for (String block : Files.readString(INTERVIEWS.resolve(file)).split("\n\n")) {
                String b = block.strip().replaceFirst("^\"", "");
                int colon = b.indexOf(':');
                if (colon < 0 || !b.substring(0, colon).matches("AI|Assistant|User")) {
                    continue;
                }
                LanguageDetector.TextLanguages langs = LanguageDetector.of(b.substring(colon + 1));
                sentences += langs.sentences().size();
                langs.sure().stream().filter(l -> !l.equals("en")).forEach(l -> wrong.add(l + ": " + b));
            }
        }
        assertThat(sentences).isGreaterThan(10_000);
        assertThat(wrong).isEmpty();
    }
}
