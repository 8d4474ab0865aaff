package dev.chassis.research.ops.pool;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.csv.CsvFile;
import dev.chassis.research.ops.schedule.Availability;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a participant pool: a CSV file with the columns {@code id,name,email,timezone,language,availability},
 * optionally {@code persona}, and any others (screener fields such as {@code role} or {@code age}). Every
 * problem is an {@link InvalidInputException} naming the file, the row's line and the column, with what
 * to write instead. Stateless and thread-safe.
 *
 * <pre>{@code
 * id,name,email,timezone,language,availability,role,uses_product
 * p-01,Ada Park,ada@example.org,Europe/Berlin,en,Mon-Fri 09:00-12:00,designer,yes
 * }</pre>
 */
public final class PoolCsv {

    /** Columns every pool must have. */
    public static final List<String> REQUIRED = List.of("id", "name", "email", "timezone", "language", "availability");
    static final String PERSONA = "persona";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private PoolCsv() {
    }

    /** The pool, in file order. */
    public static Pool read(Path file) {
        return pool(file, CsvFile.read(file, REQUIRED, HINT));
    }

    /** A pool from CSV text; {@code source} names it in errors. */
    public static Pool parse(String text, String source) {
        return pool(Path.of(source), CsvFile.parse(text, source, REQUIRED, HINT));
    }

    private static final String HINT = "a pool needs " + String.join(",", REQUIRED) + " (and any screener columns)";

    private static Pool pool(Path file, CsvFile csv) {
        List<Participant> people = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            if (row.size() != csv.columns().size()) {
                throw csv.wrongSize(row);
            }
            Participant p = participant(row, csv.columns(), csv.source());
            Integer before = ids.putIfAbsent(p.id(), row.line());
            if (before != null) {
                throw new InvalidInputException(csv.source(), row.line(), "id", "'" + p.id() + "' is already used on line " + before + "; ids must be unique");
            }
            people.add(p);
        }
        return new Pool(file, csv.columns(), people);
    }

    private static Participant participant(CsvFile.Row row, List<String> header, String source) {
        int line = row.line();
        String id = required(row, "id", source, line);
        String name = required(row, "name", source, line);
        String email = required(row, "email", source, line);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(source, line, "email", "'" + email + "' is not an email address");
        }
        ZoneId zone;
        String tz = required(row, "timezone", source, line);
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new InvalidInputException(source, line, "timezone", "'" + tz + "' is not a time zone; use a region id such as Europe/Berlin or America/New_York");
        }
        String language = required(row, "language", source, line);
        if (!LANGUAGE.matcher(language).matches()) {
            throw new InvalidInputException(source, line, "language", "'" + language + "' is not a two-letter language code such as en or de");
        }
        List<dev.chassis.research.ops.schedule.WeeklyWindow> availability;
        try {
            availability = Availability.parse(row.get("availability").strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(source, line, "availability", e.getMessage());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String column : header) {
            if (!REQUIRED.contains(column) && !column.equals(PERSONA)) {
                attributes.put(column, row.get(column).strip());
            }
        }
        Optional<String> persona = header.contains(PERSONA) && !row.get(PERSONA).isBlank() ? Optional.of(row.get(PERSONA).strip()) : Optional.empty();
        return new Participant(id, name, email, zone, language, availability, attributes, persona, line);
    }

    private static String required(CsvFile.Row row, String column, String source, int line) {
        String v = row.get(column).strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(source, line, column, "must not be empty");
        }
        return v;
    }
}
