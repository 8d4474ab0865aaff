package dev.chassis.research.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.text.Detection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example guides written in other languages (issue 16.3): each loads clean and its questions are in its language. */
class GuideExamplesInLanguagesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/guides");

    @Test
    void the_example_guides_cover_six_languages_and_each_asks_in_its_own() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(EXAMPLES), Files.list(EXAMPLES.resolve("languages")))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        java.util.Set<String> first = new java.util.TreeSet<>();
        for (Path file : files) {
            Guide g = GuideFile.load(file);
            assertThat(g.warnings()).as(file.toString()).isEmpty();
            String language = g.languages().getFirst();
            first.add(language);
            Briefing b = g.briefing(language, Map.of());
            for (var o : b.objectives()) {
                for (String q : o.questions()) {
                    assertThat(Detection.detect(q, List.of(language, "en"), true)).as("%s: %s", file.getFileName(), q).isIn(language, null);
                }
            }
        }
        assertThat(first).as("languages the example guides are written in").hasSizeGreaterThanOrEqualTo(6);
    }
}
