package dev.chassis.research.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.html} and {@code report.md} into a directory, creating it. Stateless. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Where the two files went. */
    public record Written(Path html, Path markdown) {
    }

    public static Written write(ReportInput input, Path dir) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve("report.html");
            Path md = dir.resolve("report.md");
            write(html, HtmlReport.render(input));
            write(md, MarkdownReport.render(input));
            return new Written(html, md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes through a temporary file and a move, so a crash never leaves half a report. */
    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
