package dev.chassis.testkit.participant.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's reading of an acknowledgement of something hard, measured on sentences written from how each
 * language is spoken (not from the interviewer's templates): condolences, "so sorry", "that must have been hard" in
 * every supported language are read as empathic; thanks, praise and moving on are not, in any language.
 */
class EmpathyReadingTest {

    private record Labelled(String language, boolean empathic, String text) { }

    private static List<Labelled> examples() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = EmpathyReadingTest.class.getResourceAsStream("/reading/empathy-examples.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", 3);
                out.add(new Labelled(f[0], f[1].equals("Y"), f[2].strip()));
            }
        }
        return out;
    }

    @Test
    void thanks_praise_and_moving_on_are_never_read_as_empathy() throws IOException {
        assertThat(examples().stream().filter(l -> !l.empathic() && Tone.empathic(l.text(), l.language()))
                .map(l -> l.language() + ": " + l.text())).isEmpty();
    }

    @Test
    void condolences_and_sympathy_are_read_as_empathy_in_every_language() throws IOException {
        List<Labelled> all = examples();
        assertThat(all.stream().map(Labelled::language).distinct()).hasSize(28);
        assertThat(all.stream().filter(l -> l.empathic() && !Tone.empathic(l.text(), l.language()))
                .map(l -> l.language() + ": " + l.text())).isEmpty();
    }
}
