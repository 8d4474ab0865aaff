package dev.chassis.research.report;

import dev.chassis.research.synthesis.EngagementSeries;
import dev.chassis.research.synthesis.ObjectiveCoverage;
import dev.chassis.research.synthesis.Synthesis;
import dev.chassis.research.synthesis.Theme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers behind the report's three charts, shaped for Chart.js and for Markdown bars. Engagement
 * is drawn per session for up to {@link #MAX_LINES} sessions, and as the mean per answer beyond that
 * (250 lines are unreadable). Immutable.
 */
record ChartData(Bars coverage, Bars themes, Engagement engagement) {

    static final int MAX_LINES = 12;

    /** Labelled bars with a value each (percent or count) and a detail for tooltips. */
    record Bars(List<String> labels, List<Double> values, List<String> details) {
    }

    /** Lines of (x, y) points; {@code xLabel} says what x is. */
    record Engagement(String xLabel, List<Line> lines) {
    }

    record Line(String label, List<double[]> points) {
    }

    static ChartData of(Synthesis s) {
        List<String> cl = new ArrayList<>();
        List<Double> cv = new ArrayList<>();
        List<String> cd = new ArrayList<>();
        for (ObjectiveCoverage c : s.coverage()) {
            cl.add(c.label());
            cv.add(round(100 * c.mean()));
            cd.add(c.sessionsCovered() + " of " + c.bySession().size() + " sessions covered");
        }
        List<String> tl = new ArrayList<>();
        List<Double> tv = new ArrayList<>();
        List<String> td = new ArrayList<>();
        for (Theme t : s.themes()) {
            tl.add(t.name());
            tv.add((double) t.sessions());
            td.add(t.statements() + " statements");
        }
        return new ChartData(new Bars(cl, cv, cd), new Bars(tl, tv, td), engagement(s.engagement()));
    }

    private static Engagement engagement(List<EngagementSeries> series) {
        boolean timed = !series.isEmpty() && series.stream().allMatch(e -> !e.points().isEmpty()
                && e.points().stream().allMatch(p -> p.minute() >= 0));
        String xLabel = timed ? "minute" : "answer";
        if (series.size() <= MAX_LINES) {
            List<Line> lines = new ArrayList<>();
            for (EngagementSeries e : series) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < e.points().size(); i++) {
                    EngagementSeries.Point p = e.points().get(i);
                    pts.add(new double[] {timed ? round(p.minute()) : i + 1, p.value()});
                }
                lines.add(new Line(e.session(), pts));
            }
            return new Engagement(xLabel, lines);
        }
        Map<Integer, double[]> byAnswer = new LinkedHashMap<>();   // answer index -> {sum, count}
        for (EngagementSeries e : series) {
            for (int i = 0; i < e.points().size(); i++) {
                double[] acc = byAnswer.computeIfAbsent(i + 1, k -> new double[2]);
                acc[0] += e.points().get(i).value();
                acc[1]++;
            }
        }
        List<double[]> mean = new ArrayList<>();
        byAnswer.forEach((answer, acc) -> {
            if (acc[1] >= 3) {   // a mean over one or two sessions is noise
                mean.add(new double[] {answer, Math.round(1000 * acc[0] / acc[1]) / 1000.0});
            }
        });
        return new Engagement("answer", List.of(new Line("mean of " + series.size() + " sessions", mean)));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
