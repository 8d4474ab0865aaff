package dev.chassis.research.report;

import java.util.List;
import java.util.Map;

/** The executive summary, segment and quality sections of the HTML report. Stateless. */
final class HtmlSections {

    private HtmlSections() {
    }

    static void summary(StringBuilder h, Summary s) {
        h.append("<section class=\"exec\"><h2>Executive summary</h2>\n<h3>Main findings</h3>");
        if (s.findings().isEmpty()) {
            h.append("<p>No theme was shared by enough sessions.</p>\n");
        } else {
            h.append("<ol>");
            for (Summary.Headline f : s.findings()) {
                h.append("<li><strong>").append(Html.escape(f.theme())).append("</strong> — ").append(f.prevalence());
                f.quote().ifPresent(q -> HtmlReport.quote(h, q));
                h.append("</li>");
            }
            h.append("</ol>\n");
        }
        list(h, "Surprises", s.surprises());
        list(h, "Open questions", s.openQuestions());
        list(h, "Quality", s.quality());
        h.append("</section>\n");
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.append("<h3>").append(title).append("</h3><ul>");
        items.forEach(i -> h.append("<li>").append(Html.escape(i)).append("</li>"));
        h.append("</ul>\n");
    }

    static void segments(StringBuilder h, List<Segments.Table> tables) {
        if (tables.isEmpty()) {
            return;
        }
        h.append("<section><h2>Themes by segment</h2>\n<p class=\"meta\">Sessions of each group that raised the theme.</p>\n");
        for (Segments.Table t : tables) {
            h.append("<h3>").append(Html.escape(t.field())).append("</h3><table><tr><th>theme</th>");
            for (int v = 0; v < t.values().size(); v++) {
                h.append("<th>").append(Html.escape(t.values().get(v))).append(" <span class=\"count\">(").append(t.base().get(v)).append(")</span></th>");
            }
            h.append("</tr>");
            for (Segments.Row r : t.rows()) {
                h.append("<tr><td>").append(Html.escape(r.theme())).append("</td>");
                for (int v = 0; v < t.values().size(); v++) {
                    h.append("<td>").append(Segments.cell(r.counts().get(v), t.base().get(v))).append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    static void quality(StringBuilder h, List<SessionFlag> flags, Map<String, String> excluded) {
        h.append("<section><h2>Session quality</h2>\n");
        if (flags.isEmpty()) {
            h.append("<p>No session was flagged.</p>\n");
        } else {
            h.append("<table><tr><th>session</th><th>flag</th><th>reasons</th></tr>");
            flags.forEach(f -> h.append("<tr><td>").append(Html.escape(f.session())).append("</td><td class=\"flag\">")
                    .append(Html.escape(f.kind())).append("</td><td>").append(Html.escape(String.join(" ", f.reasons()))).append("</td></tr>"));
            h.append("</table>\n");
        }
        if (!excluded.isEmpty()) {
            h.append("<p>Excluded from the synthesis: ");
            h.append(String.join(", ", excluded.entrySet().stream().map(e -> Html.escape(e.getKey() + " (" + e.getValue() + ")")).toList()));
            h.append(".</p>\n");
        }
        h.append("</section>\n");
    }
}
