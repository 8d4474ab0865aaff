package dev.chassis.research.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.research.synthesis.Finding;
import dev.chassis.research.synthesis.Quote;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Theme;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The synthesis as data a research team works with beside the report: themes and quotes as CSV (one
 * row per theme; one row per quote with the participant's background), and both as one JSON document.
 * Quotes are the transcript's exact words. Stateless.
 */
public final class Exports {

    private Exports() {
    }

    /** {@code themes.csv}: rank, theme, objective, sessions, share, statements, key phrases, summary, session ids. */
    public static String themesCsv(Synthesis s) {
        return csv(List.of("rank", "theme", "objective", "sessions", "share_percent", "statements", "key_phrases", "summary", "session_ids"), rows -> {
            int rank = 0;
            for (Theme t : s.themes()) {
                rows.add(List.of(String.valueOf(++rank), t.name(), t.objective().map(s::objectiveLabel).orElse(""),
                        String.valueOf(t.sessions()), String.valueOf(Math.round(100.0 * t.sessions() / Math.max(1, s.sessions().size()))),
                        String.valueOf(t.statements()), String.join("; ", t.keyTerms()), t.summary(), String.join(" ", t.sessionIds())));
            }
        });
    }

    /** {@code quotes.csv}: theme, finding, session, turn, quote, then one column per background field. */
    public static String quotesCsv(Synthesis s) {
        List<String> fields = fields(s);
        List<String> header = new ArrayList<>(List.of("theme", "finding", "session", "turn", "quote"));
        header.addAll(fields);
        return csv(header, rows -> {
            for (Theme t : s.themes()) {
                for (Finding f : t.findings()) {
                    for (Quote q : f.quotes()) {
                        List<String> row = new ArrayList<>(List.of(t.name(), f.text(), q.session(), String.valueOf(q.turn()), q.text()));
                        Map<String, String> bg = s.background().getOrDefault(q.session(), Map.of());
                        fields.forEach(field -> row.add(bg.getOrDefault(field, "")));
                        rows.add(row);
                    }
                }
            }
        });
    }

    /** {@code themes.json}: the sessions, exclusions, themes with findings and quotes, and the segment tables. */
    public static String json(ReportInput in) {
        Synthesis s = in.synthesis();
        var mapper = StructuredReader.json().mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", in.title());
        root.put("sessions", s.sessions().size());
        root.set("excluded", mapper.valueToTree(s.excluded()));
        root.put("method", s.method());
        ArrayNode themes = root.putArray("themes");
        for (Theme t : s.themes()) {
            ObjectNode n = mapper.valueToTree(t);
            n.put("objectiveLabel", t.objective().map(s::objectiveLabel).orElse(""));
            themes.add(n);
        }
        root.set("segments", mapper.valueToTree(Segments.of(s)));
        root.set("coverage", mapper.valueToTree(s.coverage()));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the themes could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private static List<String> fields(Synthesis s) {
        TreeSet<String> fields = new TreeSet<>();
        s.background().values().forEach(m -> fields.addAll(m.keySet()));
        return List.copyOf(fields);
    }

    private static String csv(List<String> header, java.util.function.Consumer<List<List<String>>> fill) {
        List<List<String>> rows = new ArrayList<>();
        fill.accept(rows);
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> r : rows) {
                p.printRecord(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
