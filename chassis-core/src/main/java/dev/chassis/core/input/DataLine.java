package dev.chassis.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line worth reading of a line-based data file (the word lists, patterns and lexicons the harnesses ship as
 * resources), kept with its file and 1-based number so that the reader's error for a bad line can say where it is.
 * Blank lines and lines starting with {@code #} are not lines worth reading. Immutable.
 *
 * <pre>{@code
 * for (DataLine line : DataLine.of("offers.txt", text)) {
 *     if (line.text().indexOf(':') < 0) {
 *         throw new IllegalArgumentException(line.where() + ": expected 'code: words'");
 *     }
 * }
 * }</pre>
 *
 * @param file   the file's name as errors show it
 * @param number the line's number in the file, from 1
 * @param text   the line without its leading and trailing white space
 */
public record DataLine(String file, int number, String text) {

    /** The lines of {@code text} worth reading, stripped, in order. */
    public static List<DataLine> of(String file, String text) {
        List<DataLine> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new DataLine(file, n + 1, line));
            }
        }
        return out;
    }

    /**
     * The text of the resource {@code name} (UTF-8), looked up as {@code owner.getResource(name)} does; empty when
     * there is none.
     *
     * @throws UncheckedIOException when the resource exists but cannot be read
     */
    public static Optional<String> resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** {@code <file>, line <number>}: where an error about this line points. */
    public String where() {
        return file + ", line " + number;
    }
}
