package dev.chassis.research.report;

import dev.chassis.research.synthesis.Contradiction;
import dev.chassis.research.synthesis.EngagementSeries;
import dev.chassis.research.synthesis.Finding;
import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.research.synthesis.Quote;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Theme;
import java.util.List;
import java.util.Locale;

/**
 * The report as Markdown, for reading in a repository or pasting into a document. Charts become text
 * bars. Quotes keep the transcript's exact words (line breaks inside a quote become spaces only in
 * the rendering, as Markdown needs). Stateless and thread-safe.
 */
public final class MarkdownReport {

    private static final int BAR = 20;

    private MarkdownReport() {
    }

    public static String render(ReportInput in) {
        Synthesis s = in.synthesis();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(in.title()).append("\n\n");
        md.append(s.sessions().size()).append(" sessions · ").append(s.themes().size()).append(" themes · ")
                .append(s.quotes().size()).append(" verbatim quotes, each checked against its transcript turn · ")
                .append(s.method()).append("\n\n");
        in.context().forEach(c -> md.append(c).append("  \n"));
        summary(md, Summary.of(in));
        md.append("\n## Themes\n\n");
        if (s.themes().isEmpty()) {
            md.append("No theme was shared by enough sessions.\n\n");
        }
        int[] n = {0};
        for (ObjectiveCoverage c : s.coverage()) {
            List<Theme> under = s.themes().stream().filter(t -> t.objective().filter(c.objective()::equals).isPresent()).toList();
            if (!under.isEmpty()) {
                md.append("### ").append(c.label()).append("\n\n");
                under.forEach(t -> theme(md, t, ++n[0], s.sessions().size()));
            }
        }
        List<Theme> rest = s.themes().stream().filter(t -> t.objective().isEmpty()
                || s.coverage().stream().noneMatch(c -> c.objective().equals(t.objective().get()))).toList();
        if (!rest.isEmpty() && n[0] > 0) {
            md.append("### Also came up\n\n");
        }
        rest.forEach(t -> theme(md, t, ++n[0], s.sessions().size()));
        segments(md, Segments.of(s));
        md.append("## Coverage per objective\n\n| objective | coverage | sessions covered |\n|---|---|---|\n");
        for (ObjectiveCoverage c : s.coverage()) {
            md.append("| ").append(cell(c.label())).append(" | `").append(bar(c.mean())).append("` ")
                    .append(Math.round(100 * c.mean())).append("% | ").append(c.sessionsCovered()).append(" of ")
                    .append(c.bySession().size()).append(" |\n");
        }
        md.append("\n## Engagement over time\n\n| session | engagement per answer | mean |\n|---|---|---|\n");
        for (EngagementSeries e : s.engagement()) {
            md.append("| ").append(cell(e.session())).append(" | `").append(sparkline(e)).append("` | ")
                    .append(String.format(Locale.ROOT, "%.2f", e.mean())).append(" |\n");
        }
        md.append("\n## Theme frequency\n\n| theme | sessions |\n|---|---|\n");
        for (Theme t : s.themes()) {
            md.append("| ").append(cell(t.name())).append(" | `").append(bar((double) t.sessions() / Math.max(1, s.sessions().size())))
                    .append("` ").append(t.sessions()).append(" |\n");
        }
        md.append("\n## Contradictions\n\n");
        if (s.contradictions().isEmpty()) {
            md.append("None found.\n");
        }
        s.contradictions().forEach((session, list) -> list.forEach((Contradiction c) -> md.append("- **").append(session)
                .append("** (").append(c.source().equals("live") ? "flagged live by the interviewer" : "possible, found by wording: check it")
                .append("): ").append(c.reason()).append("\n  > ").append(inline(c.earlier())).append("\n  >\n  > ")
                .append(inline(c.later())).append("\n")));
        md.append("\n## Session quality\n\n");
        if (in.flags().isEmpty()) {
            md.append("No session was flagged.\n");
        }
        in.flags().forEach(f -> md.append("- **").append(f.session()).append("**: ").append(f.kind()).append(". ")
                .append(String.join(" ", f.reasons())).append('\n'));
        if (!s.excluded().isEmpty()) {
            md.append("\nExcluded from the synthesis: ").append(String.join(", ", s.excluded().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList())).append(".\n");
        }
        if (!s.notes().isEmpty()) {
            md.append("\n## How this report was made\n\n");
            s.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, Summary sum) {
        md.append("\n## Executive summary\n\n**Main findings**\n\n");
        if (sum.findings().isEmpty()) {
            md.append("No theme was shared by enough sessions.\n");
        }
        int i = 0;
        for (Summary.Headline f : sum.findings()) {
            md.append(++i).append(". **").append(f.theme()).append("** — ").append(f.prevalence()).append('\n');
            f.quote().ifPresent(q -> md.append("   > ").append(inline(q)).append('\n'));
        }
        list(md, "Surprises", sum.surprises());
        list(md, "Open questions", sum.openQuestions());
        list(md, "Quality", sum.quality());
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (!items.isEmpty()) {
            md.append("\n**").append(title).append("**\n\n");
            items.forEach(i -> md.append("- ").append(i).append('\n'));
        }
    }

    private static void theme(StringBuilder md, Theme t, int n, int total) {
        md.append("#### ").append(n).append(". ").append(t.name()).append(" (").append(t.sessions()).append(" of ")
                .append(total).append(" sessions)\n\n");
        if (!t.summary().isBlank()) {   // blank when the theme's one statement is its quote
            md.append('_').append(t.summary()).append("_\n\n");
        }
        if (t.keyTerms().size() > 1) {
            md.append("Key phrases: ").append(String.join(" · ", t.keyTerms())).append("\n\n");
        }
        for (Finding f : t.findings()) {
            md.append("- **").append(f.text()).append("**\n");
            f.quotes().forEach(q -> md.append("  > ").append(inline(q)).append("\n"));
        }
        md.append('\n');
    }

    private static void segments(StringBuilder md, List<Segments.Table> tables) {
        if (tables.isEmpty()) {
            return;
        }
        md.append("## Themes by segment\n\nSessions of each group that raised the theme.\n");
        for (Segments.Table t : tables) {
            md.append("\n### ").append(t.field()).append("\n\n| theme |");
            for (int v = 0; v < t.values().size(); v++) {
                md.append(' ').append(cell(t.values().get(v))).append(" (").append(t.base().get(v)).append(") |");
            }
            md.append("\n|---|").append("---|".repeat(t.values().size())).append('\n');
            for (Segments.Row r : t.rows()) {
                md.append("| ").append(cell(r.theme())).append(" |");
                for (int v = 0; v < t.values().size(); v++) {
                    md.append(' ').append(Segments.cell(r.counts().get(v), t.base().get(v))).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    private static String inline(Quote q) {
        return "“" + q.text().replaceAll("\\s*\\n\\s*", " ") + "” — " + q.citation();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }

    private static String bar(double fraction) {
        int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
        return "█".repeat(full) + "░".repeat(BAR - full);
    }

    private static String sparkline(EngagementSeries e) {
        String levels = "▁▂▃▄▅▆▇█";
        StringBuilder sb = new StringBuilder();
        e.points().forEach(p -> sb.append(levels.charAt((int) Math.min(7, Math.floor(p.value() * 8)))));
        return sb.toString();
    }
}
