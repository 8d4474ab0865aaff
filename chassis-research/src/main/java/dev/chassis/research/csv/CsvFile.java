package dev.chassis.research.csv;

import dev.chassis.core.input.InputMessages;
import dev.chassis.core.input.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An RFC 4180 CSV file with a header, read with commons-csv, each row knowing the line it starts on
 * (rows may span lines inside quotes, and blank lines are skipped). Problems with the file itself are
 * {@link InvalidInputException}s naming it. Immutable.
 *
 * @param source  the file, as named in messages
 * @param columns the header
 * @param rows    the data rows, in order
 */
public record CsvFile(String source, List<String> columns, List<Row> rows) {

    /** One data row: its values by column, and the 1-based line it starts on. */
    public record Row(Map<String, String> values, int line, int size) {
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    /**
     * Reads {@code file}; every column of {@code required} must be in the header.
     *
     * @param hint what the header should look like, for the message when a column is missing
     */
    public static CsvFile read(Path file, List<String> required, String hint) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, 0, "", "file not found");
        } catch (MalformedInputException e) {
            throw new InvalidInputException(source, 0, "", "is not UTF-8 text; save it as UTF-8 CSV");
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, "", "cannot be read: " + e.getMessage(), e);
        }
        return parse(text, source, required, hint);
    }

    /** Reads CSV text; {@code source} names it in errors. */
    public static CsvFile parse(String text, String source, List<String> required, String hint) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new InvalidInputException(source, 1, "header", "is missing the column '" + column + "'; " + hint);
                }
            }
            int[] lineStarts = lineStarts(text);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                // A record's position is where the parser resumed, before any blank lines it then skipped.
                int at = (int) r.getCharacterPosition();
                while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                    at++;
                }
                rows.add(new Row(r.toMap(), lineOf(lineStarts, at), r.size()));
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException(source, 0, "", "has a header but no rows");
            }
            return new CsvFile(source, List.copyOf(header), List.copyOf(rows));
        } catch (UncheckedIOException e) {
            // commons-csv reports malformed quoting as an unchecked IOException that names the position.
            throw new InvalidInputException(source, 0, "", "is not valid CSV: " + InputMessages.clean(e.getCause().getMessage(), "a quote is not closed"), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a header with a name twice or an empty name, as commons-csv words it
            throw new InvalidInputException(source, 1, "header", InputMessages.clean(e.getMessage(), "is not a valid CSV header")
                    + "; every column needs a name of its own", e);
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, "", "cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    /** The error for a row whose number of values differs from the header's. */
    public InvalidInputException wrongSize(Row row) {
        return new InvalidInputException(source, row.line(), "", "has " + row.size() + " values; the header has "
                + columns.size() + " (put quotes around values that contain commas)");
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, long position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}
