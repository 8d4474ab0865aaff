package dev.chassis.research.report;

import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.research.synthesis.Quote;
import dev.chassis.research.synthesis.Synthesis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executive summary at the top of every report: the main findings, each with its prevalence and its
 * best quote; then surprises (segments that differ, themes nobody asked about) and open questions
 * (objectives covered thinly, contradictions to follow up); then the sessions' quality and what was
 * excluded. Built from the synthesis alone, so it says nothing the report below does not show.
 *
 * @param findings      the most widespread themes
 * @param surprises     sentences
 * @param openQuestions sentences
 * @param quality       sentences about flags and exclusions
 */
public record Summary(List<Headline> findings, List<String> surprises, List<String> openQuestions, List<String> quality) {

    static final int FINDINGS = 5;
    /** Difference in share between two segments that is worth a reader's attention. */
    static final double NOTABLE = 0.4;

    /** One main finding: a theme, how many of the sessions raised it, and the quote that shows it best. */
    public record Headline(String theme, int sessions, int total, Optional<Quote> quote) {
        public String prevalence() {
            return sessions + " of " + total + " sessions (" + Math.round(100.0 * sessions / Math.max(1, total)) + "%)";
        }
    }

    public static Summary of(ReportInput in) {
        Synthesis s = in.synthesis();
        int total = s.sessions().size();
        List<Headline> findings = s.themes().stream().limit(FINDINGS)
                .map(t -> new Headline(t.name(), t.sessions(), total, t.quotes().stream().findFirst())).toList();
        List<String> surprises = new ArrayList<>(segmentDifferences(s));
        boolean hasObjectives = !s.coverage().isEmpty();
        s.themes().stream().filter(t -> hasObjectives && t.objective().isEmpty()).limit(2).forEach(t -> surprises.add(
                "‘" + t.name() + "’ came up in " + t.sessions() + " of " + total + " sessions without a question about it."));
        List<String> open = new ArrayList<>();
        for (ObjectiveCoverage c : s.coverage()) {
            if (c.mean() < ObjectiveCoverage.COVERED) {
                open.add("‘" + c.label() + "’ was covered in only " + c.sessionsCovered() + " of " + c.bySession().size() + " sessions.");
            }
        }
        if (!s.contradictions().isEmpty()) {
            open.add(s.contradictions().size() + " session" + (s.contradictions().size() == 1 ? " has" : "s have")
                    + " statements that contradict each other: worth a follow-up (see Contradictions).");
        }
        if (s.themes().isEmpty()) {
            open.add("No theme was shared by enough sessions; more sessions, or a look at the transcripts, would tell.");
        }
        return new Summary(findings, surprises, open, quality(in));
    }

    private static List<String> quality(ReportInput in) {
        List<String> out = new ArrayList<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        in.flags().forEach(f -> kinds.merge(f.kind(), 1L, Long::sum));
        if (kinds.isEmpty()) {
            out.add("No session was flagged for low engagement, low effort or likely fraud.");
        } else {
            List<String> parts = new ArrayList<>();
            kinds.forEach((k, n) -> parts.add(n + " " + k));
            out.add(in.flags().stream().map(SessionFlag::session).distinct().count() + " session(s) flagged: " + String.join(", ", parts) + ".");
        }
        Map<String, String> excluded = in.synthesis().excluded();
        if (excluded.isEmpty()) {
            out.add("No session was excluded from the synthesis.");
        } else {
            List<String> parts = new ArrayList<>();
            excluded.forEach((session, why) -> parts.add(session + " (" + why + ")"));
            out.add(excluded.size() + " session(s) excluded from the synthesis: " + String.join(", ", parts) + ".");
        }
        return out;
    }

    /** The largest differences between two segments of a field, each group at least two sessions (three from 20 sessions on). */
    private static List<String> segmentDifferences(Synthesis s) {
        int minBase = s.sessions().size() >= 20 ? 3 : 2;
        record Difference(double gap, String text) {
        }
        List<Difference> found = new ArrayList<>();
        for (Segments.Table table : Segments.of(s)) {
            for (Segments.Row row : table.rows()) {
                int hi = -1;
                int lo = -1;
                for (int v = 0; v < table.values().size(); v++) {
                    if (table.base().get(v) < minBase) {
                        continue;
                    }
                    double share = (double) row.counts().get(v) / table.base().get(v);
                    if (hi < 0 || share > (double) row.counts().get(hi) / table.base().get(hi)) {
                        hi = v;
                    }
                    if (lo < 0 || share < (double) row.counts().get(lo) / table.base().get(lo)) {
                        lo = v;
                    }
                }
                if (hi < 0 || hi == lo) {
                    continue;
                }
                double gap = (double) row.counts().get(hi) / table.base().get(hi) - (double) row.counts().get(lo) / table.base().get(lo);
                if (gap >= NOTABLE) {
                    found.add(new Difference(gap, "‘" + row.theme() + "’ came up in " + Segments.cell(row.counts().get(hi), table.base().get(hi))
                            + " sessions with " + table.field() + " " + table.values().get(hi) + ", but in "
                            + Segments.cell(row.counts().get(lo), table.base().get(lo)) + " with " + table.field() + " " + table.values().get(lo) + "."));
                }
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(Difference::gap).reversed().thenComparing(Difference::text))
                .limit(3).map(Difference::text).toList();
    }
}
