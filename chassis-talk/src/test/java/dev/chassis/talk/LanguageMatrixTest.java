package dev.chassis.talk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chassis.talk.language.Languages;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.CulturalPacks;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.text.ReplyLanguage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A short interview in every supported language (issue 16, Done when): the opening, an answer, a loss and
 * the close, on the offline engine. The interviewer's every reply is in the session's language with no
 * sentence in another (checked sentence by sentence), the language's cultural pack is staged, and the
 * reply to the loss is the language's own acknowledgement (read from the templates file, not the code).
 */
class LanguageMatrixTest {

    static final List<String> CODES = Languages.CODES;
    private static final JsonNode MATRIX = yaml("/dev/chassis/talk/matrix.yaml");
    private static final JsonNode TEMPLATES = yaml("/dev/chassis/talk/realise/templates.yaml");

    @ParameterizedTest
    @FieldSource("CODES")
    void a_short_interview_stays_in_its_language_with_its_templates_and_cultural_pack(String code) {
        JsonNode m = MATRIX.path(code);
        Briefing b = new Briefing("A short study of how a working day starts.", code, List.of(code), Duration.ofMinutes(10),
                List.of(Objective.of("day", "day", 5, 0.5, m.path("day").asText()), Objective.of("tools", "tools", 4, 0.5, m.path("tools").asText())),
                Map.of(), List.of(), List.of(), m.path("opening").asText());
        TalkHarness h = Fixtures.harness().build();
        StagedContext staged = h.stage(b);
        assertThat(staged.prefix()).as(code).contains(CulturalPacks.of(code).askForExample());
        List<String> replies = new ArrayList<>();
        try (Session s = h.open(staged)) {
            replies.add(s.open(t -> { }).join().reply());
            replies.add(s.respond(answer(code), t -> { }).join().reply());
            TurnRecord loss = s.respond(m.path("loss").asText(), t -> { }).join();
            replies.add(loss.reply());
            assertThat(leads(code, "acknowledge_negative", "acknowledge_negative_room")).as(code)
                    .anySatisfy(lead -> assertThat(loss.reply()).startsWith(lead));
            assertThat(s.state().language()).isEqualTo(code);
        }
        assertThat(replies.getFirst()).as(code).startsWith(m.path("opening").asText());
        for (String reply : replies) {
            ReplyLanguage.Verdict v = ReplyLanguage.check(reply, code, List.of(code));
            assertThat(v.judged()).as("%s: %s", code, reply).isPositive();
            assertThat(v.others()).as("%s: %s", code, reply).isEmpty();
        }
    }

    private static String answer(String code) {
        return dev.chassis.talk.language.LanguageSamples.answer(code);
    }

    /** The words of each variant of {@code keys} in {@code code} before its first placeholder. */
    private static List<String> leads(String code, String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            TEMPLATES.path(code).path(key).forEach(v -> out.add(v.asText().replaceAll("\\{[a-z]+}.*", "").strip()));
        }
        return out;
    }

    private static JsonNode yaml(String resource) {
        try (InputStream in = LanguageMatrixTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
