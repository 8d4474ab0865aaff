package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The claims' test for a number word, a loop over the characters, against the stream it replaced
 * ({@code term.chars().anyMatch(Character::isDigit)}, kept here as the oracle): every word of the shared interviews and of the
 * development personas and guides, as written and as the claims read them (stemmed terms), in every language with cue lists.
 */
class NumberWordsTest {

    private static final Path SHARED = Path.of(System.getProperty("chassis.shared.dir", "../../shared"), "data", "interviews");
    private static final List<String> LANGUAGES = List.of("ar", "cs", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "id",
            "it", "ja", "ko", "nb", "nl", "pl", "pt", "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh");

    @Test
    void every_word_of_real_and_development_interviews_is_a_number_word_exactly_when_the_stream_said_so() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "skipped: " + SHARED + " is absent (the shared interview transcripts)");
        Set<String> lines = new LinkedHashSet<>();
        for (Path root : List.of(SHARED, Path.of("../examples"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(csv|yaml|yml|txt)")).toList()) {
                    lines.addAll(List.of(Files.readString(f).split("\n")));
                }
            }
        }
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines) {
            for (String w : line.split("\\s+")) {
                words.add(w);
                words.add(Cues.lower(w));
            }
        }
        int numbers = 0;
        for (String language : LANGUAGES) {
            Cues cues = Cues.of(language);
            Set<String> terms = new LinkedHashSet<>(words);
            terms.addAll(cues.numbers().keySet());
            if (language.equals("en")) {
                lines.forEach(l -> terms.addAll(Analysis.terms(l, language)));
            }
            for (String t : terms) {
                boolean oracle = cues.numbers().containsKey(t) || t.chars().anyMatch(Character::isDigit);
                assertThat(ClaimExtractor.isNumberWord(t, cues)).as("'%s' in %s", t, language).isEqualTo(oracle);
                numbers += oracle ? 1 : 0;
            }
        }
        assertThat(words.size()).as("words read").isGreaterThan(25_000);
        assertThat(numbers).as("number words among them: both answers were put to the test").isGreaterThan(5_000);
    }
}
