package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.synthesis.Cluster;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.synthesis.ThemeWritingIntent;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.testkit.server.SimulatedModelServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthesis with a real model over the network path (the simulated OpenAI-compatible server). */
class SynthesizeWithModelTest {

    @TempDir
    Path dir;

    private final Path examples = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("examples/transcripts");
    private final List<Transcript> sessions = TranscriptFiles.load(examples);

    /** The JSON a model would answer; group 0's first quote replaced by {@code firstQuote}. */
    private String answer(String firstQuote) {
        ThemeWritingIntent intent = Synthesizer.builder().build().intent(sessions);
        StringBuilder sb = new StringBuilder("Here you go:\n{\"themes\": [");
        for (Cluster c : intent.clusters()) {
            var s = c.members().getFirst();
            String quote = c.index() == 0 && firstQuote != null ? firstQuote : s.text();
            sb.append(c.index() == 0 ? "" : ",").append("{\"group\": ").append(c.index()).append(", \"name\": \"Model theme ")
                    .append(c.index()).append("\", \"summary\": \"s\", \"findings\": [{\"text\": \"f\", \"quotes\": [{\"session\": \"")
                    .append(s.session()).append("\", \"turn\": ").append(s.turn()).append(", \"text\": \"")
                    .append(quote.replace("\"", "\\\"")).append("\"}]}]}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void a_hallucinated_quote_is_sent_back_and_never_reaches_the_report() throws IOException {
        try (SimulatedModelServer server = SimulatedModelServer.builder()
                .replies(answer("The onboarding was a total nightmare from start to finish"), answer(null)).start()) {

            CliRunner r = CliRunner.run("synthesize", "--transcripts", examples.toString(), "--out", dir.toString(),
                    "--model", server.modelString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(server.requests()).hasSize(2);
            String html = Files.readString(dir.resolve("report.html"));
            assertThat(html).contains("Model theme 0").doesNotContain("total nightmare")
                    .contains("The quote check refused 1 earlier answer(s)");
            assertThat(ReportQuotes.assertAllVerbatim(html, sessions)).isPositive();
        }
    }

    @Test
    void an_unknown_model_string_is_one_clear_error() {
        CliRunner r = CliRunner.run("synthesize", "--transcripts", examples.toString(), "--out", dir.toString(), "--model", "nonsense:x");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception");
    }
}
