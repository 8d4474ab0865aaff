package dev.chassis.research.transcript;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.csv.CsvFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private TranscriptCsv() {
    }

    /** Reads every row of {@code file} as a transcript, in file order. */
    public static List<Transcript> read(Path file) {
        CsvFile csv = CsvFile.read(file, List.of(ID, TEXT), "a transcript file needs the columns transcript_id and text");
        List<Transcript> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            if (row.size() != csv.columns().size()) {
                throw csv.wrongSize(row);
            }
            out.add(row(row, csv.source(), seen));
        }
        return out;
    }

    private static Transcript row(CsvFile.Row row, String source, Map<String, Integer> seen) {
        int line = row.line();
        String id = row.get(ID).strip();
        if (id.isEmpty()) {
            throw new InvalidInputException(source, line, ID, "must not be empty");
        }
        Integer earlier = seen.putIfAbsent(id, line);
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
