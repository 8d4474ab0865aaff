package dev.chassis.research.report;

import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Themes compared across the participants' background (role, company size, language, any pool column),
 * with counts: for each field, how many sessions of each value raised each theme. A field is compared
 * when it splits the sessions into groups: at least two values, and no more than three in five sessions
 * have a value of their own (a name or an e-mail address is no segment). Stateless.
 */
public final class Segments {

    private Segments() {
    }

    /**
     * One field's comparison.
     *
     * @param field  the background field, for example {@code role}
     * @param values its values, most sessions first
     * @param base   sessions with each value
     * @param rows   one per theme, in the synthesis's order
     */
    public record Table(String field, List<String> values, List<Integer> base, List<Row> rows) {
    }

    /** @param counts sessions of each value (in {@link Table#values()} order) that raised the theme */
    public record Row(String theme, List<Integer> counts) {
    }

    public static List<Table> of(Synthesis s) {
        Map<String, Map<String, List<String>>> byField = new TreeMap<>();   // field -> value -> sessions
        for (String session : s.sessions()) {
            s.background().getOrDefault(session, Map.of()).forEach((field, value) ->
                    byField.computeIfAbsent(field, f -> new TreeMap<>()).computeIfAbsent(value, v -> new ArrayList<>()).add(session));
        }
        List<Table> out = new ArrayList<>();
        int sessions = s.sessions().size();
        byField.forEach((field, groups) -> {
            if (groups.size() < 2 || groups.size() > Math.max(3, 0.6 * sessions)) {
                return;
            }
            List<String> values = groups.entrySet().stream()
                    .sorted(Map.Entry.<String, List<String>>comparingByValue((a, b) -> b.size() - a.size()).thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).toList();
            List<Integer> base = values.stream().map(v -> groups.get(v).size()).toList();
            List<Row> rows = new ArrayList<>();
            for (Theme t : s.themes()) {
                rows.add(new Row(t.name(), values.stream().map(v -> (int) groups.get(v).stream().filter(t.sessionIds()::contains).count()).toList()));
            }
            out.add(new Table(field, values, base, rows));
        });
        return out;
    }

    /** A count as people read it: {@code 2 of 3 (67%)}. */
    static String cell(int count, int base) {
        return count + " of " + base + (base == 0 ? "" : " (" + Math.round(100.0 * count / base) + "%)");
    }
}
