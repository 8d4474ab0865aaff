package dev.chassis.research.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the report into a directory, creating it: {@code report.html} (self-contained, prints to PDF),
 * {@code report.md}, and the data beside them: {@code themes.csv}, {@code quotes.csv}, {@code themes.json}.
 * Stateless.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Where the files went. */
    public record Written(Path html, Path markdown, Path themesCsv, Path quotesCsv, Path json) {
    }

    public static Written write(ReportInput input, Path dir) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve("report.html");
            Path md = dir.resolve("report.md");
            write(html, HtmlReport.render(input));
            write(md, MarkdownReport.render(input));
            Path themes = write(dir.resolve("themes.csv"), Exports.themesCsv(input.synthesis()));
            Path quotes = write(dir.resolve("quotes.csv"), Exports.quotesCsv(input.synthesis()));
            Path json = write(dir.resolve("themes.json"), Exports.json(input));
            return new Written(html, md, themes, quotes, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes through a temporary file and a move, so a crash never leaves half a report. */
    private static Path write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
