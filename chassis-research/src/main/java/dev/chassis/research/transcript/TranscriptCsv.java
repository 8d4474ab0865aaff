package dev.chassis.research.transcript;

import dev.chassis.core.input.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads transcripts from a CSV file with the columns {@code transcript_id,text} (further columns are
 * ignored), where {@code text} is one whole interview in the {@link DialogueText} format. Every
 * problem is an {@link InvalidInputException} naming the file, the line where the row starts and the
 * column. Thread-safe (stateless).
 *
 * <pre>{@code
 * List<Transcript> all = TranscriptCsv.read(Path.of("interviews.csv"));
 * }</pre>
 */
public final class TranscriptCsv {

    static final String ID = "transcript_id";
    static final String TEXT = "text";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    private TranscriptCsv() {
    }

    /** Reads every row of {@code file} as a transcript, in file order. */
    public static List<Transcript> read(Path file) {
        String source = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            requireColumns(parser, source);
            List<Transcript> out = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            long rowLine = parser.getCurrentLineNumber() + 1;
            for (CSVRecord row : parser) {
                long line = rowLine;
                rowLine = parser.getCurrentLineNumber() + 1;
                out.add(row(row, source, (int) line, seen));
            }
            if (out.isEmpty()) {
                throw new InvalidInputException(source, 0, "", "has a header but no transcripts");
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, 0, "", "file not found");
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed quoting as an unchecked IOException with the position.
            throw new InvalidInputException(source, 0, "", "is not valid CSV: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, "", "cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private static void requireColumns(CSVParser parser, String source) {
        List<String> header = parser.getHeaderNames();
        for (String column : List.of(ID, TEXT)) {
            if (!header.contains(column)) {
                throw new InvalidInputException(source, 1, "header",
                        "needs the columns transcript_id and text; found " + header);
            }
        }
    }

    private static Transcript row(CSVRecord row, String source, int line, Map<String, Long> seen) {
        if (!row.isConsistent()) {
            throw new InvalidInputException(source, line, "", "has " + row.size() + " fields; the header has "
                    + row.getParser().getHeaderNames().size() + " (a quote may be missing around a value with commas)");
        }
        String id = row.get(ID).strip();
        if (id.isEmpty()) {
            throw new InvalidInputException(source, line, ID, "must not be empty");
        }
        Long earlier = seen.putIfAbsent(id, (long) line);
        if (earlier != null) {
            throw new InvalidInputException(source, line, ID, "'" + id + "' already used on line " + earlier
                    + "; transcript ids must be unique");
        }
        String text = row.get(TEXT);
        if (text.isBlank()) {
            throw new InvalidInputException(source, line, TEXT, "is empty for transcript '" + id + "'");
        }
        try {
            return Transcript.of(id, DialogueText.parse(text));
        } catch (DialogueText.NoLabelException e) {
            throw new InvalidInputException(source, line, TEXT, "transcript '" + id + "': " + e.getMessage());
        }
    }
}
