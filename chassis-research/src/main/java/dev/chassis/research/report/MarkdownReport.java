package dev.chassis.research.report;

import dev.chassis.research.synthesis.Contradiction;
import dev.chassis.research.synthesis.EngagementSeries;
import dev.chassis.research.synthesis.Finding;
import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.research.synthesis.Quote;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Theme;
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
        md.append("\n## Themes\n\n");
        int n = 0;
        for (Theme t : s.themes()) {
            md.append("### ").append(++n).append(". ").append(t.name()).append(" (").append(t.sessions()).append(" of ")
                    .append(s.sessions().size()).append(" sessions)\n\n").append(t.summary()).append("\n\n");
            for (Finding f : t.findings()) {
                md.append("- **").append(f.text()).append("**\n");
                f.quotes().forEach(q -> md.append("  > ").append(inline(q)).append("\n"));
            }
            md.append('\n');
        }
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
        if (!s.notes().isEmpty()) {
            md.append("\n## How this report was made\n\n");
            s.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
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
