package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notes the claims in each answer and compares them with earlier claims on the same subject ({@link Verdict}): a
 * flipped negation, a different number of the same thing, a different year, or a frequency far from
 * the earlier one is a contradiction; so are frequencies at opposite ends of the scale on the same
 * topic, whatever the words. Claims are compared as frames: what they are about, a number or a span of numbers
 * (minutes and hours as one), how often, whether it is denied and what the denial covers, and whether it is told as
 * the past before a change. A model judge, when configured, stands beside it ({@code TalkHarness.Builder.judgeWith}).
 */
public final class ContradictionMonitor implements Monitor {

    @Override
    public String name() {
        return "contradiction";
    }

    @Override
    public Duration budget() {
        return Duration.ofSeconds(2);
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) throws Exception {
        String topic = turn.prompt().flatMap(d -> d.objective()).orElse(s.currentObjective());
        // Read in the language the person speaks now, which may not be the session's yet.
        String spoken = java.util.Objects.requireNonNullElse(LanguageMonitor.spoken(turn.text(), s.language()), s.language());
        List<Claim> fresh = ClaimExtractor.extract(turn.turn(), turn.text(), spoken, topic);
        List<Signal> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (Claim later : fresh) {
            out.add(new Signal.ClaimNoted(turn.turn(), name(), later));
            raise(turn.turn(), later, fresh, s.claims(), reported).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The contradiction a new claim raises against the first earlier claim it contradicts, unless the new answer ({@code fresh})
     * says the earlier thing again; each earlier claim at most once per answer ({@code reported}, which this adds to).
     */
    private static Optional<Signal.Contradiction> raise(int turn, Claim later, List<Claim> fresh, List<Claim> earlier, Set<Integer> reported) {
        for (Claim e : earlier) {
            if (e.turn() >= turn || reported.contains(e.turn())) {
                continue;
            }
            Optional<String[]> verdict = Verdict.compare(e, later).filter(v -> !heldTogether(e, later, fresh));
            if (verdict.isPresent()) {
                reported.add(e.turn());
                return Optional.of(new Signal.Contradiction(turn, NAME, e, later, verdict.get()[0], verdict.get()[1]));
            }
        }
        return Optional.empty();
    }

    private static final String NAME = "contradiction";

    /**
     * The contradictions this monitor would raise over one person's answers, in order, read offline: every
     * answer's claims against the earlier answers' (one topic throughout, which is stricter than a live
     * session, where claims carry the objective they were made under). For measuring precision on real
     * transcripts.
     */
    public static List<Signal.Contradiction> over(List<String> answers, String language) {
        return overExchanges(answers.stream().map(a -> new Exchange("", "", a)).toList(), language);
    }

    /**
     * The contradictions this monitor would raise over one interview's exchanges, in order, read offline as a live session
     * reads them: each answer's claims carry the objective its question was on.
     */
    public static List<Signal.Contradiction> overExchanges(List<Exchange> exchanges, String language) {
        List<Claim> earlier = new ArrayList<>();
        List<Signal.Contradiction> out = new ArrayList<>();
        int turn = 0;
        for (Exchange x : exchanges) {
            turn++;
            List<Claim> fresh = ClaimExtractor.extract(turn, x.answer(), language, x.objective());
            Set<Integer> reported = new HashSet<>();
            for (Claim later : fresh) {
                raise(turn, later, fresh, earlier, reported).ifPresent(out::add);
            }
            earlier.addAll(fresh);
        }
        return out;
    }

    /**
     * Whether the answer that made the later claim also says the earlier one again (or another claim that
     * agrees with it): "daily in the first week. Rarely mid-month." qualifies, it does not contradict.
     */
    static boolean heldTogether(Claim earlier, Claim later, List<Claim> answer) {
        for (Claim c : answer) {
            if (c == later) {
                continue;
            }
            if (c.quote().equalsIgnoreCase(earlier.quote()) || c.frequency().isPresent() && c.frequency().equals(earlier.frequency())
                    || c.quantity().isPresent() && c.quantity().equals(earlier.quantity()) && c.unit().equals(earlier.unit())) {
                return true;
            }
        }
        return false;
    }
}
