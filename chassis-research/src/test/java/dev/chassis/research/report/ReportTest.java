package dev.chassis.research.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.synthesis.Quote;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.transcript.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path dir;

    private final List<Transcript> sessions = Fixtures.exampleTranscripts();
    private final Synthesis synthesis = Synthesizer.builder().build().synthesize(sessions);
    private final ReportInput input = new ReportInput("Onboarding study", List.of("Example transcripts"), synthesis,
            List.of(new SessionFlag("s-104", "low effort", List.of("5 of 7 answers have three words or fewer."))));

    @Test
    void the_html_report_is_self_contained_with_the_chart_library_and_its_data_inlined() throws IOException {
        ReportWriter.Written w = ReportWriter.write(input, dir);
        String html = Files.readString(w.html());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Onboarding study</title>")
                .contains("id=\"chassis-data\"").contains("<canvas id=\"coverage\">").contains("<canvas id=\"engagement\">")
                .contains("<canvas id=\"themes\">").contains("Chart.js v4");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link");
        assertThat(html.indexOf("</script>", html.indexOf("id=\"chassis-data\""))).isGreaterThan(html.indexOf("]}}"));
        assertThat(html).contains("low effort").contains("5 of 7 answers have three words or fewer.");
    }

    @Test
    void every_quote_in_the_html_is_verbatim_in_the_cited_turn() throws IOException {
        String html = Files.readString(ReportWriter.write(input, dir).html());
        Matcher m = Pattern.compile("<blockquote data-session=\"([^\"]+)\" data-turn=\"(\\d+)\">(.*?) <cite>", Pattern.DOTALL).matcher(html);
        int quotes = 0;
        while (m.find()) {
            String session = unescape(m.group(1));
            String text = unescape(m.group(3));
            String turn = sessions.stream().filter(t -> t.id().equals(session)).findFirst().orElseThrow()
                    .turn(Integer.parseInt(m.group(2))).orElseThrow().text();
            assertThat(turn).as(session + "#" + m.group(2)).contains(text);
            quotes++;
        }
        assertThat(quotes).isEqualTo(synthesis.quotes().size()).isPositive();
    }

    @Test
    void the_markdown_report_has_every_section_and_cites_every_quote() throws IOException {
        String md = Files.readString(ReportWriter.write(input, dir).markdown());

        assertThat(md).startsWith("# Onboarding study\n").contains("## Themes", "## Coverage per objective",
                "## Engagement over time", "## Theme frequency", "## Contradictions", "## Session quality");
        for (Quote q : synthesis.quotes()) {
            assertThat(md).contains("“" + q.text().replaceAll("\\s*\\n\\s*", " ") + "” — " + q.citation());
        }
    }

    @Test
    void markup_in_participant_words_is_escaped() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\"")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.script("a</script>b")).isEqualTo("a<\\/script>b");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
