package dev.chassis.server.live;

import dev.chassis.server.study.StudyInfo;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console's live panel shows of a session: the transcript beside its state (coverage per
 * objective, engagement over time, signals and directives in order, timings per turn, and a spoken session's audio
 * timings and barge-ins). Built from a
 * state snapshot in one pass; immutable.
 */
public record StateView(String session, String status, String language, String currentObjective, int turn, boolean closed,
                        List<LineView> transcript, List<CoverageView> coverage, List<EngagementPoint> engagement,
                        List<SignalView> signals, List<DirectiveView> directives, List<TurnStat> turns, int deadlineMisses,
                        int interruptions, long monitorFailures, List<HealthView> health, Optional<VoiceView> voice) {

    /**
     * A change in whether the session saved and its model answered, from the session's log ({@code kind}: saving-failed,
     * saving-recovered, model-failed, model-recovered), in plain words; {@code turn} is -1 for saving, which is not a turn's.
     */
    public record HealthView(Instant at, int turn, String kind, String text) {
    }

    /** One line of the transcript. */
    public record LineView(int turn, String speaker, String text, Instant at, boolean cutOff) {
        static LineView of(Line l) {
            return new LineView(l.turn(), l.speaker() == Line.Speaker.AGENT ? "interviewer" : "participant", l.text(), l.at(), l.cutOff());
        }
    }

    /** How far one objective has got. */
    public record CoverageView(String objective, String title, double level, boolean covered, List<Integer> evidenceTurns) {
    }

    /** The engagement score after a participant turn. */
    public record EngagementPoint(int turn, double score) {
    }

    /** A monitor's signal: {@code type} is its kind, {@code text} a line for people. */
    public record SignalView(int turn, String type, String monitor, String text) {
    }

    /** What steering decided for a turn. */
    public record DirectiveView(int turn, String kind, String objective, String question, List<String> because) {
    }

    /** The view of {@code s}; {@code study} supplies the objectives' titles; {@code voice} is there when the session was spoken. */
    public static StateView of(SessionState s, StudyInfo study, String status, List<TurnStat> turns, long monitorFailures,
                               Optional<VoiceView> voice) {
        List<LineView> lines = new ArrayList<>(s.transcript().size());
        for (Line l : s.transcript()) {
            lines.add(LineView.of(l));
        }
        List<CoverageView> coverage = new ArrayList<>();
        for (StudyInfo.ObjectiveInfo o : study.objectives()) {
            Coverage c = s.coverage().getOrDefault(o.id(), Coverage.NONE);
            coverage.add(new CoverageView(o.id(), o.title(), c.level(), c.covered(), c.evidenceTurns()));
        }
        for (Map.Entry<String, Coverage> e : s.coverage().entrySet()) {
            if (coverage.stream().noneMatch(c -> c.objective().equals(e.getKey()))) {
                coverage.add(new CoverageView(e.getKey(), e.getKey(), e.getValue().level(), e.getValue().covered(), e.getValue().evidenceTurns()));
            }
        }
        List<EngagementPoint> engagement = s.engagement().stream().map(e -> new EngagementPoint(e.turn(), e.score())).toList();
        List<SignalView> signals = new ArrayList<>();
        List<DirectiveView> directives = new ArrayList<>();
        List<HealthView> health = new ArrayList<>();
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.HealthChange h) {
                health.add(health(h));
                continue;
            }
            switch (e) {
                case SessionEvent.SignalRaised r -> signals.add(new SignalView(r.signal().turn(), r.signal().getClass().getSimpleName(),
                        r.signal().monitor(), r.signal().describe()));
                case SessionEvent.DirectiveIssued d -> directives.add(new DirectiveView(d.turn(), d.directive().kind(),
                        d.directive().objective().orElse(""), d.directive().question().orElse(""),
                        d.directive().because().stream().map(x -> x.describe()).toList()));
                default -> { }
            }
        }
        return new StateView(s.sessionId(), status, s.language(), s.currentObjective(), s.turn(), s.closed(), lines, coverage, engagement,
                signals, directives, List.copyOf(turns), s.deadlineMisses(), s.interruptions(), monitorFailures, List.copyOf(health), voice);
    }

    private static HealthView health(SessionEvent.HealthChange h) {
        return switch (h) {
            case SessionEvent.JournalFailed f -> new HealthView(f.at(), -1, "saving-failed", "answers could not be saved: " + f.problem()
                    + " (kept in memory until saving works)");
            case SessionEvent.JournalRecovered r -> new HealthView(r.at(), -1, "saving-recovered",
                    "saving works again after " + Math.max(1, r.down().toSeconds()) + " s; everything kept was saved");
            case SessionEvent.ModelFailed f -> new HealthView(f.at(), f.turn(), "model-failed", f.engine() + " failed: " + f.problem()
                    + "; " + f.remedy());
            case SessionEvent.ModelRecovered r -> new HealthView(r.at(), r.turn(), "model-recovered", r.engine() + " answers again");
        };
    }
}
