package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.transcript.TranscriptFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizeCommandTest {

    @TempDir
    Path dir;

    private static Path repo() {
        return Path.of(System.getProperty("chassis.repo.dir", "..")).toAbsolutePath().normalize();
    }

    @Test
    void the_example_transcripts_become_an_html_and_a_markdown_report() throws IOException {
        CliRunner r = CliRunner.run("synthesize", "--transcripts", repo().resolve("examples/transcripts").toString(),
                "--out", dir.toString(), "--title", "Onboarding");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Read 4 transcripts from").contains("Report: " + dir.resolve("report.html"));
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Onboarding");
        assertThat(ReportQuotes.assertAllVerbatim(Files.readString(dir.resolve("report.html")),
                TranscriptFiles.load(repo().resolve("examples/transcripts")))).isPositive();
    }

    @Test
    void with_a_guide_coverage_is_per_objective_of_the_guide() throws IOException {
        CliRunner r = CliRunner.run("synthesize", "--transcripts", repo().resolve("examples/transcripts").toString(),
                "--guide", repo().resolve("examples/guides/onboarding-en.yaml").toString(), "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| The first week | ").contains("| The moment it became useful | ").contains("| Everyday use | ")
                .contains("| Plans and pricing | ").contains("| What they would change | ")
                .contains("objectives of the guide onboarding-en.yaml").doesNotContain("No guide was given");
    }

    @Test
    void a_broken_csv_is_one_line_naming_file_line_and_field() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "transcript_id,text\na,\"AI: hi\"\n,\"AI: x\"\n");

        CliRunner r = CliRunner.run("synthesize", "--transcripts", csv.toString(), "--out", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + csv + ":3: transcript_id: must not be empty" + System.lineSeparator());
    }

    @Test
    void help_shows_the_formats_and_examples() {
        CliRunner r = CliRunner.run("synthesize", "--help");

        assertThat(r.out()).contains("transcript_id,text").contains("chassis synthesize --transcripts examples/transcripts");
    }

    @Test
    void the_real_interviews_synthesise_with_every_quote_in_its_turn() throws IOException {
        Path shared = Path.of(System.getProperty("chassis.shared.dir", "/nonexistent"), "data", "interviews", "creatives_transcripts.csv");
        assumeTrue(Files.exists(shared), "shared/data/interviews not found (chassis.shared.dir); skipping");

        CliRunner r = CliRunner.run("synthesize", "--transcripts", shared.toString(), "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Themes</h2>");
        assertThat(ReportQuotes.assertAllVerbatim(html, TranscriptFiles.load(shared))).isGreaterThan(20);
    }
}
