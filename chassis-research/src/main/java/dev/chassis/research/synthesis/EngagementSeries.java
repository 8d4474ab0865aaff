package dev.chassis.research.synthesis;

import java.util.List;
import java.util.Objects;

/**
 * A participant's engagement over one session: one point per participant turn.
 *
 * @param session the transcript id
 * @param points  in turn order
 */
public record EngagementSeries(String session, List<Point> points) {

    public EngagementSeries {
        Objects.requireNonNull(session, "session");
        points = List.copyOf(points);
    }

    /**
     * @param turn    the participant turn
     * @param minute  minutes since the session started, when the transcript has timings; else -1
     * @param value   0..1
     */
    public record Point(int turn, double minute, double value) {
    }

    public double mean() {
        return points.stream().mapToDouble(Point::value).average().orElse(0);
    }
}
