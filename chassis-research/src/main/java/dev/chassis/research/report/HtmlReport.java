package dev.chassis.research.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.research.synthesis.Contradiction;
import dev.chassis.research.synthesis.EngagementSeries;
import dev.chassis.research.synthesis.Finding;
import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.research.synthesis.Quote;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Theme;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML file: styles, data and the Chart.js library are inlined, so it
 * opens offline and can be sent as an attachment. Every chart also has a table, for readers without
 * JavaScript and for print. Stateless and thread-safe.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(ReportInput in) {
        Synthesis s = in.synthesis();
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(in.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>").append(Html.escape(in.title())).append("</h1>\n<p class=\"meta\">");
        h.append(s.sessions().size()).append(" sessions · ").append(s.themes().size()).append(" themes · ")
                .append(s.quotes().size()).append(" verbatim quotes, each checked against its transcript turn · ")
                .append(Html.escape(s.method())).append("</p>\n");
        in.context().forEach(c -> h.append("<p class=\"meta\">").append(Html.escape(c)).append("</p>\n"));
        HtmlSections.summary(h, Summary.of(in));
        themes(h, s);
        HtmlSections.segments(h, Segments.of(s));
        charts(h, s);
        contradictions(h, s.contradictions());
        HtmlSections.quality(h, in.flags(), s.excluded());
        sessions(h, s);
        if (!s.notes().isEmpty()) {
            h.append("<section><h2>How this report was made</h2><ul>");
            s.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            h.append("</ul></section>\n");
        }
        h.append("</main>\n<script type=\"application/json\" id=\"chassis-data\">").append(Html.script(json(ChartData.of(s))))
                .append("</script>\n<script>").append(Html.script(ChartJs.source())).append("</script>\n<script>")
                .append(Html.script(INIT)).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Themes under the objective they answer, in the guide's order; the rest under "Also came up". */
    private static void themes(StringBuilder h, Synthesis s) {
        h.append("<section><h2>Themes</h2>\n");
        if (s.themes().isEmpty()) {
            h.append("<p>No theme was shared by enough sessions.</p>\n");
        }
        int[] n = {0};
        for (ObjectiveCoverage c : s.coverage()) {
            List<Theme> under = s.themes().stream().filter(t -> t.objective().filter(c.objective()::equals).isPresent()).toList();
            if (!under.isEmpty()) {
                h.append("<h3 class=\"objective\">").append(Html.escape(c.label())).append("</h3>\n");
                under.forEach(t -> theme(h, t, ++n[0], s.sessions().size()));
            }
        }
        List<Theme> rest = s.themes().stream().filter(t -> t.objective().isEmpty()
                || s.coverage().stream().noneMatch(c -> c.objective().equals(t.objective().get()))).toList();
        if (!rest.isEmpty()) {
            if (n[0] > 0) {
                h.append("<h3 class=\"objective\">Also came up</h3>\n");
            }
            rest.forEach(t -> theme(h, t, ++n[0], s.sessions().size()));
        }
        h.append("</section>\n");
    }

    private static void theme(StringBuilder h, Theme t, int n, int total) {
        h.append("<article class=\"theme\"><h4>").append(n).append(". ").append(Html.escape(t.name()))
                .append(" <span class=\"count\">").append(t.sessions()).append(" of ").append(total)
                .append(" sessions · ").append(t.statements()).append(" statements</span></h4>\n");
        if (!t.summary().isBlank()) {   // blank when the theme's one statement is its quote
            h.append("<p class=\"summary\">").append(Html.escape(t.summary())).append("</p>\n");
        }
        if (t.keyTerms().size() > 1) {
            h.append("<p class=\"meta\">Key phrases: ").append(Html.escape(String.join(" · ", t.keyTerms()))).append("</p>\n");
        }
        for (Finding f : t.findings()) {
            h.append("<div class=\"finding\"><p>").append(Html.escape(f.text())).append("</p>\n");
            for (Quote q : f.quotes()) {
                quote(h, q);
            }
            h.append("</div>\n");
        }
        h.append("</article>\n");
    }

    static void quote(StringBuilder h, Quote q) {
        // dir="auto": a quote in Arabic or Hebrew runs right to left inside the English report (issue 16.2).
        h.append("<blockquote dir=\"auto\" data-session=\"").append(Html.escape(q.session())).append("\" data-turn=\"").append(q.turn())
                .append("\">").append(Html.escape(q.text())).append(" <cite>").append(Html.escape(q.citation())).append("</cite></blockquote>\n");
    }

    private static void charts(StringBuilder h, Synthesis s) {
        h.append("<section><h2>Coverage per objective</h2><div class=\"chart\"><canvas id=\"coverage\"></canvas></div>\n")
                .append("<table><tr><th>objective</th><th>mean coverage</th><th>sessions covered</th></tr>");
        for (ObjectiveCoverage c : s.coverage()) {
            h.append("<tr><td>").append(Html.escape(c.label())).append("</td><td>").append(percent(c.mean()))
                    .append("</td><td>").append(c.sessionsCovered()).append(" of ").append(c.bySession().size()).append("</td></tr>");
        }
        h.append("</table></section>\n<section><h2>Engagement over time</h2><div class=\"chart\"><canvas id=\"engagement\"></canvas></div>")
                .append("<p class=\"meta\">0 to 1 per answer: from the live interviewer's engagement signal where recorded, "
                        + "otherwise answer length against the study's typical answer.</p></section>\n")
                .append("<section><h2>Theme frequency</h2><div class=\"chart\"><canvas id=\"themes\"></canvas></div></section>\n");
    }

    private static void contradictions(StringBuilder h, Map<String, List<Contradiction>> all) {
        h.append("<section><h2>Contradictions</h2>\n");
        if (all.isEmpty()) {
            h.append("<p>None found.</p>\n");
        }
        all.forEach((session, list) -> list.forEach(c -> {
            h.append("<div class=\"contradiction\"><h3>").append(Html.escape(session)).append(" <span class=\"count\">")
                    .append(c.source().equals("live") ? "flagged live by the interviewer" : "possible, found by wording: check it")
                    .append("</span></h3>\n");
            quote(h, c.earlier());
            quote(h, c.later());
            h.append("<p class=\"meta\">").append(Html.escape(c.reason())).append("</p></div>\n");
        }));
        h.append("</section>\n");
    }

    private static void sessions(StringBuilder h, Synthesis s) {
        h.append("<section><h2>Sessions</h2><table><tr><th>session</th><th>answers</th><th>mean engagement</th></tr>");
        for (EngagementSeries e : s.engagement()) {
            h.append("<tr><td>").append(Html.escape(e.session())).append("</td><td>").append(e.points().size())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", e.mean())).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static String percent(double v) {
        return Math.round(100 * v) + "%";
    }

    private static String json(ChartData data) {
        try {
            return StructuredReader.json().mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private static final String STYLE = """
            body{font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2433;background:#f6f7fb;margin:0}
            main{max-width:980px;margin:0 auto;padding:32px 24px 64px}
            h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 12px;border-bottom:1px solid #dde1ea;padding-bottom:4px}
            h3{font-size:17px;margin:0 0 6px}.meta{color:#5b6478;font-size:14px;margin:2px 0}
            .theme,.contradiction{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:16px 20px;margin:12px 0}
            .count{font-weight:normal;color:#5b6478;font-size:14px;margin-left:8px}.finding{margin:10px 0 4px}
            .finding p{margin:6px 0;font-weight:600}
            blockquote{margin-block:6px;margin-inline:4px 0;padding:4px 12px;border-inline-start:3px solid #6c8cff;unicode-bidi:plaintext;color:#2b3245;white-space:pre-wrap}
            cite{font-style:normal;color:#6c7488;font-size:13px;margin-left:6px;white-space:nowrap}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:14px;margin:8px 0}
            th,td{border:1px solid #e3e6ee;padding:6px 8px;text-align:left;vertical-align:top}th{background:#eef1f7}
            .chart{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:12px;height:320px;position:relative}
            td.flag{color:#b3261e;font-weight:600}h3.objective{margin:28px 0 6px;color:#33415c}h4{font-size:17px;margin:0 0 6px}
            .summary{font-style:italic;margin:4px 0 8px}.exec{background:#fff;border:1px solid #e3e6ee;border-radius:8px;padding:8px 20px 12px}
            .exec h3{margin:14px 0 4px}.exec li{margin:4px 0}
            @page{size:A4;margin:16mm 14mm}
            @media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}
              .chart{break-inside:avoid}canvas{max-width:100%}.theme,.contradiction,blockquote,tr,.exec li{break-inside:avoid}
              .theme,.exec,.chart,table{border-color:#c9ced8}}
            """;

    private static final String INIT = """
            (function(){
              var d = JSON.parse(document.getElementById('chassis-data').textContent);
              if (typeof Chart === 'undefined') return;
              Chart.defaults.animation = false;   // a report is read and printed, not watched
              var colours = ['#4e79a7','#f28e2b','#e15759','#76b7b2','#59a14f','#edc948','#b07aa1','#ff9da7','#9c755f','#bab0ac','#2f4b7c','#a05195'];
              function bars(id, b, max, unit){
                new Chart(document.getElementById(id), {type:'bar',
                  data:{labels:b.labels.map(function(l){return l.length>60?l.slice(0,59)+'…':l;}),
                        datasets:[{data:b.values, backgroundColor:'#6c8cff'}]},
                  options:{indexAxis:'y', maintainAspectRatio:false, plugins:{legend:{display:false},
                    tooltip:{callbacks:{label:function(c){return c.raw+unit+' · '+b.details[c.dataIndex];}}}},
                    scales:{x:{beginAtZero:true, max:max}}}});
              }
              bars('coverage', d.coverage, 100, '%');
              bars('themes', d.themes, undefined, ' sessions');
              new Chart(document.getElementById('engagement'), {type:'line',
                data:{datasets:d.engagement.lines.map(function(l,i){return {label:l.label,
                  data:l.points.map(function(p){return {x:p[0],y:p[1]};}), borderColor:colours[i%colours.length],
                  backgroundColor:colours[i%colours.length], tension:0.25, pointRadius:2};})},
                options:{maintainAspectRatio:false, parsing:true, scales:{x:{type:'linear', title:{display:true, text:d.engagement.xLabel}},
                  y:{min:0, max:1, title:{display:true, text:'engagement'}}}}});
            })();
            """;
}
