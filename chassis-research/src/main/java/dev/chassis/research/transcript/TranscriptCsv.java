package dev.chassis.research.transcript;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.csv.CsvFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads transcripts from a CSV file with the columns {@code transcript_id,text}, where {@code text} is
 * one whole interview in the {@link DialogueText} format. Optional columns: {@code participant} (the
 * participant's id), {@code language} (ISO 639-1); every further column is the participant's
 * background (role, company size...), which synthesis compares themes across. Every
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
    static final String PARTICIPANT = "participant";
    static final String LANGUAGE = "language";

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
            out.add(row(row, csv.source(), seen, csv.columns()));
        }
        return out;
    }

    private static Transcript row(CsvFile.Row row, String source, Map<String, Integer> seen, List<String> columns) {
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
        Map<String, String> background = new java.util.TreeMap<>();
        for (String c : columns) {
            if (!List.of(ID, TEXT, PARTICIPANT, LANGUAGE).contains(c) && !row.get(c).isBlank()) {
                background.put(c, row.get(c).strip());
            }
        }
        Optional<String> participant = Optional.of(row.get(PARTICIPANT).strip()).filter(p -> columns.contains(PARTICIPANT) && !p.isEmpty());
        Optional<String> language = Optional.of(row.get(LANGUAGE).strip()).filter(l -> columns.contains(LANGUAGE) && !l.isEmpty());
        try {
            return new Transcript(id, participant, language, DialogueText.parse(text), List.of(), background);
        } catch (DialogueText.NoLabelException e) {
            throw new InvalidInputException(source, line, TEXT, "transcript '" + id + "': " + e.getMessage());
        }
    }
}
