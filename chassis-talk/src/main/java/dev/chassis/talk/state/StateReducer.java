package dev.chassis.talk.state;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.directive.Directive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The state as a pure function of the log: {@code apply(state, event)}. Everything a view needs is
 * in the event, so replaying a journal reproduces the state exactly. Cheap enough for a turn's path:
 * appends are O(1); only the small maps (coverage, topics) are copied, and an answer is stemmed once and its words
 * compared with the earlier answers' ({@link AnswerDepth}).
 */
final class StateReducer {

    private static final int MAX_TOPICS = 200;
    /** Alerts older than this many turns are dropped from {@code pending}: the moment has passed. */
    private static final int ALERT_LIFETIME = 2;

    private StateReducer() {
    }

    static SessionState initial(SessionEvent.Started started) {
        Map<String, Coverage> coverage = new LinkedHashMap<>();
        for (Objective o : started.staged().briefing().objectives()) {
            coverage.put(o.id(), Coverage.NONE);
        }
        return new SessionState.Builder().sessionId(started.sessionId()).staged(started.staged()).startedAt(started.at())
                .language(started.staged().briefing().language())
                .currentObjective(started.staged().briefing().objectives().getFirst().id())
                .log(AppendOnlyList.<SessionEvent>empty().plus(started)).transcript(AppendOnlyList.empty())
                .coverage(Collections.unmodifiableMap(coverage)).claims(AppendOnlyList.empty()).emotions(AppendOnlyList.empty())
                .engagement(AppendOnlyList.empty()).topics(Map.of()).pending(List.of()).asked(AskedQuestions.none()).declines(AppendOnlyList.empty())
                .depth(AnswerDepth.start(started.staged().briefing(), started.staged().briefing().language())).takeUps(TakeUps.NONE).lastDirective(Optional.empty()).summaries(AppendOnlyList.empty()).build();
    }

    static SessionState apply(SessionState s, SessionEvent e) {
        AppendOnlyList<SessionEvent> log = s.log().plus(e);
        return switch (e) {
            case SessionEvent.Started st -> throw new IllegalStateException("session " + s.sessionId() + " already started");
            case SessionEvent.UserSaid u -> s.toBuilder().log(log).turn(u.turn())
                    .transcript(s.transcript().plus(new Line(u.turn(), Line.Speaker.USER, u.text(), u.at(), false)))
                    .coverage(spentOn(s.coverage(), s.currentObjective())).pending(expire(s.pending(), u.turn()))
                    .depth(s.depth().answered(u.text())).takeUps(s.takeUps().answered(u.text())).build();
            case SessionEvent.DirectiveIssued d -> directive(s, log, d.directive());
            case SessionEvent.AgentSaid a -> s.toBuilder().log(log)
                    .transcript(s.transcript().plus(new Line(a.turn(), Line.Speaker.AGENT, a.text(), a.at(), a.cutOff()))).build();
            case SessionEvent.SignalRaised r -> signal(s, log, r.signal());
            case SessionEvent.Interrupted i -> s.toBuilder().log(log).interruptions(s.interruptions() + 1).build();
            case SessionEvent.Heard h -> s.toBuilder().log(log).transcript(heard(s.transcript(), h)).build();
            case SessionEvent.Spoken v -> s.toBuilder().log(log).build();
            case SessionEvent.DeadlineMissed m -> s.toBuilder().log(log).deadlineMisses(s.deadlineMisses() + 1).build();
            case SessionEvent.HealthChange h -> s.toBuilder().log(log).build();
            case SessionEvent.Compacted c -> s.toBuilder().log(log).summaries(s.summaries().plus(c.summary()))
                    .compactedThrough(Math.max(s.compactedThrough(), c.summary().toTurn())).build();
            case SessionEvent.Closed c -> s.toBuilder().log(log).closed(true).build();
        };
    }

    private static SessionState directive(SessionState s, AppendOnlyList<SessionEvent> log, Directive d) {
        List<Signal> pending = new ArrayList<>(s.pending());
        pending.removeAll(d.because());
        String language = d instanceof Directive.Bridge ? s.language() : d.language();
        String current = d.objective().orElse(s.currentObjective());
        Map<String, Coverage> coverage = s.coverage();
        AskedQuestions asked = s.asked();
        if (d.question().isPresent()) {
            asked = asked.plus(d.question().get());
            Coverage c = coverage.get(current);
            if (c != null) {
                coverage = put(coverage, current, new Coverage(c.level(), c.covered(), c.evidenceTurns(), c.questionsAsked() + 1, c.turnsSpent()));
            }
        }
        Optional<Directive> last = d instanceof Directive.Bridge ? s.lastDirective() : Optional.of(d);
        AppendOnlyList<Directive.Respect> declines = d instanceof Directive.Respect r ? s.declines().plus(r) : s.declines();
        // The answers are read in the language spoken now: a switch reads them all again in the new one, once.
        AnswerDepth depth = language.equals(s.depth().language()) ? s.depth().directed(d)
                : AnswerDepth.read(s.staged().briefing(), language, log);
        return s.toBuilder().log(log).language(language).currentObjective(current).coverage(coverage).pending(List.copyOf(pending))
                .asked(asked).declines(declines).depth(depth).takeUps(s.takeUps().directed(d)).lastDirective(last).build();
    }

    private static SessionState signal(SessionState s, AppendOnlyList<SessionEvent> log, Signal signal) {
        Map<String, Coverage> coverage = s.coverage();
        var claims = s.claims();
        var emotions = s.emotions();
        var engagement = s.engagement();
        List<Signal> pending = s.pending();
        Map<String, Integer> topics = s.topics();
        switch (signal) {
            case Signal.CoverageChanged c -> {
                Coverage old = coverage.getOrDefault(c.objectiveId(), Coverage.NONE);
                coverage = put(coverage, c.objectiveId(), new Coverage(Math.max(old.level(), c.level()), old.covered(),
                        c.evidenceTurns(), old.questionsAsked(), old.turnsSpent()));
            }
            case Signal.ObjectiveCovered c -> {
                Coverage old = coverage.getOrDefault(c.objectiveId(), Coverage.NONE);
                coverage = put(coverage, c.objectiveId(), new Coverage(Math.max(old.level(), 1.0), true,
                        old.evidenceTurns(), old.questionsAsked(), old.turnsSpent()));
                pending = plus(pending, signal);
            }
            case Signal.ClaimNoted c -> claims = claims.plus(c.claim());
            case Signal.EngagementMeasured m -> engagement = engagement.plus(m);
            case Signal.EmotionNoted m -> {
                emotions = emotions.plus(m);
                pending = plus(pending, signal);
            }
            case Signal.Drift d -> pending = plus(pending, signal);
            case Signal.Contradiction d -> pending = plus(pending, signal);
            case Signal.EngagementDropped d -> pending = plus(pending, signal);
            case Signal.EngagementRecovered d -> pending = plus(pending, signal);
            case Signal.LanguageSwitched d -> pending = plus(pending, signal);
            case Signal.TimeCheck d -> pending = plus(pending, signal);
            case Signal.TakeoverAttempt d -> pending = plus(pending, signal);
            case Signal.Note d -> pending = plus(pending, signal);
            case Signal.TopicsNoted t -> topics = topics(topics, t.terms());
            case Signal.ProsodyNoted p -> pending = p.cues().isEmpty() ? pending : plus(pending, signal);
        }
        return s.toBuilder().log(log).coverage(coverage).claims(claims).emotions(emotions).engagement(engagement).topics(topics)
                .pending(pending).build();
    }

    /** The reply of the heard turn cut to what was heard (at a character, without trailing space), when it was longer. */
    private static AppendOnlyList<Line> heard(AppendOnlyList<Line> transcript, SessionEvent.Heard h) {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            Line l = transcript.get(i);
            if (l.turn() == h.turn() && l.speaker() == Line.Speaker.AGENT) {
                if (h.characters() >= l.text().length()) {
                    return transcript;
                }
                String kept = l.text().substring(0, Math.max(0, h.characters())).stripTrailing();
                return transcript.replacing(i, new Line(l.turn(), l.speaker(), kept, l.at(), true));
            }
            if (l.turn() < h.turn()) {
                break;
            }
        }
        return transcript;
    }

    private static Map<String, Coverage> spentOn(Map<String, Coverage> coverage, String objective) {
        Coverage c = coverage.get(objective);
        if (c == null) {
            return coverage;
        }
        return put(coverage, objective, new Coverage(c.level(), c.covered(), c.evidenceTurns(), c.questionsAsked(), c.turnsSpent() + 1));
    }

    private static Map<String, Integer> topics(Map<String, Integer> topics, List<String> terms) {
        if (terms.isEmpty()) {
            return topics;
        }
        Map<String, Integer> next = new LinkedHashMap<>(topics);
        for (String t : terms) {
            next.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        if (next.size() > MAX_TOPICS) {
            // Drop the rarest, oldest first, so the map stays small on a turn's path.
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(next.entrySet());
            entries.sort(Map.Entry.comparingByValue());
            for (int i = 0; next.size() > MAX_TOPICS; i++) {
                next.remove(entries.get(i).getKey());
            }
        }
        return Collections.unmodifiableMap(next);
    }

    private static List<Signal> expire(List<Signal> pending, int turn) {
        List<Signal> kept = null; // allocated only when something expires
        for (int i = 0; i < pending.size(); i++) {
            Signal p = pending.get(i);
            if (p.turn() < turn - ALERT_LIFETIME && kept == null) {
                kept = new ArrayList<>(pending.subList(0, i));
            } else if (p.turn() >= turn - ALERT_LIFETIME && kept != null) {
                kept.add(p);
            }
        }
        return kept == null ? pending : List.copyOf(kept);
    }

    private static List<Signal> plus(List<Signal> list, Signal s) {
        List<Signal> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(s);
        return List.copyOf(out);
    }

    private static Map<String, Coverage> put(Map<String, Coverage> map, String key, Coverage value) {
        Map<String, Coverage> next = new LinkedHashMap<>(map);
        next.put(key, value);
        return Collections.unmodifiableMap(next);
    }
}
