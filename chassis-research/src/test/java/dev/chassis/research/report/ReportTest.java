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
        Matcher m = Pattern.compile("<blockquote dir=\"auto\" data-session=\"([^\"]+)\" data-turn=\"(\\d+)\">(.*?) <cite>", Pattern.DOTALL).matcher(html);
        int quotes = 0;
        while (m.find()) {
            String session = unescape(m.group(1));
            String text = unescape(m.group(3));
            String turn = sessions.stream().filter(t -> t.id().equals(session)).findFirst().orElseThrow()
                    .turn(Integer.parseInt(m.group(2))).orElseThrow().text();
            assertThat(turn).as(session + "#" + m.group(2)).contains(text);
            quotes++;
        }
        // Every quote of the synthesis once, plus the main findings' best quotes in the executive summary.
        long headlines = Summary.of(input).findings().stream().filter(f -> f.quote().isPresent()).count();
        assertThat(quotes).isEqualTo(synthesis.quotes().size() + (int) headlines).isPositive();
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
    void every_report_opens_with_an_executive_summary_of_findings_surprises_questions_and_quality() throws IOException {
        ReportWriter.Written w = ReportWriter.write(input, dir);
        String html = Files.readString(w.html());
        String md = Files.readString(w.markdown());

        assertThat(html.indexOf("<h2>Executive summary</h2>")).isPositive().isLessThan(html.indexOf("<h2>Themes</h2>"));
        assertThat(md.indexOf("## Executive summary")).isPositive().isLessThan(md.indexOf("## Themes"));
        Summary sum = Summary.of(input);
        assertThat(sum.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.prevalence()).matches("\\d+ of 4 sessions \\(\\d+%\\)"));
        assertThat(sum.findings().getFirst().theme()).isEqualTo(synthesis.themes().getFirst().name());
        assertThat(sum.quality()).containsExactly("1 session(s) flagged: 1 low effort.", "No session was excluded from the synthesis.");
        assertThat(md).contains("**Main findings**", "**Quality**");
    }

    @Test
    void themes_and_quotes_are_exported_as_csv_and_json_beside_the_report() throws IOException {
        List<Transcript> withRoles = sessions.stream().map(t -> t.withBackground(java.util.Map.of("role",
                t.id().equals("s-101") || t.id().equals("s-102") ? "designer" : "engineer"))).toList();
        Synthesis s = Synthesizer.builder().build().synthesize(withRoles);
        ReportWriter.Written w = ReportWriter.write(new ReportInput("Onboarding", List.of(), s, List.of()), dir);

        List<String> themes = Files.readAllLines(w.themesCsv());
        assertThat(themes.getFirst()).isEqualTo("rank,theme,objective,sessions,share_percent,statements,key_phrases,summary,session_ids");
        assertThat(themes).hasSize(s.themes().size() + 1);
        var quotes = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(w.quotesCsv())).getRecords();
        assertThat(quotes).hasSize(s.themes().stream().mapToInt(t -> t.quotes().size()).sum());
        assertThat(quotes).allSatisfy(r -> {
            Transcript t = withRoles.stream().filter(x -> x.id().equals(r.get("session"))).findFirst().orElseThrow();
            assertThat(t.turn(Integer.parseInt(r.get("turn"))).orElseThrow().text()).contains(r.get("quote"));
            assertThat(r.get("role")).isEqualTo(t.background().get("role"));
        });
        var json = dev.chassis.core.input.StructuredReader.json().mapper().readTree(w.json().toFile());
        assertThat(json.get("themes")).hasSize(s.themes().size());
        assertThat(json.get("themes").get(0).get("findings").get(0).get("quotes").get(0).get("text").asText()).isNotBlank();
        assertThat(json.get("segments").get(0).get("field").asText()).isEqualTo("role");
        assertThat(Files.readString(w.html())).contains("<h2>Themes by segment</h2>").contains("designer <span class=\"count\">(2)</span>");
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
