package dev.chassis.talk.assemble;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.talk.monitor.Claim;
import dev.chassis.talk.monitor.Signal;
import dev.chassis.talk.recall.Moment;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.state.Summary;
import dev.chassis.talk.steer.Directive;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the prompt of a turn: the staged prefix (first, byte-identical every turn), then a digest
 * of the state with recalled moments and summaries, then the most recent lines that fit, with the
 * directive as the prompt's intent. Deterministic: the same state, moments and directive give the
 * same prompt. Stateless apart from the per-session {@link TokenCounts} it is given.
 */
public final class ContextAssembler {

    private final int budget;
    private final int reserveForReply;

    /**
     * @param budget          the model's context budget in tokens
     * @param reserveForReply tokens kept free for the reply
     */
    public ContextAssembler(int budget, int reserveForReply) {
        if (budget <= reserveForReply) {
            throw new IllegalArgumentException("context budget " + budget + " must exceed the reply reserve " + reserveForReply);
        }
        this.budget = budget;
        this.reserveForReply = reserveForReply;
    }

    /**
     * The prompt for the next reply.
     *
     * @param prefixTokens the staged prefix's size (known from staging)
     * @param withDigest   whether to include the state digest and recall (off in ablations)
     */
    public Prompt assemble(SessionState s, Directive directive, List<Moment> recalled, TokenCounts counts, int prefixTokens,
                           boolean withDigest, Instant now) {
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(s.staged().prefix()));
        int left = budget - reserveForReply - prefixTokens - directiveTokens(directive, counts);
        if (withDigest) {
            List<String> lines = digest(s, recalled, now);
            int digestTokens = 4;
            for (String line : lines) {
                digestTokens += counts.of(line) + 1;
            }
            String digest = String.join("\n", lines);
            if (digestTokens < left / 2) {
                messages.add(Message.system(digest));
                left -= digestTokens;
            }
        }
        messages.addAll(window(s, counts, Math.max(0, left)));
        return Prompt.of(messages).withIntent(directive).withMaxOutputTokens(Math.min(reserveForReply, 400));
    }

    private static int directiveTokens(Directive d, TokenCounts counts) {
        return counts.of(d.render()) + 4;
    }

    /** The latest lines that fit in {@code tokens}, oldest first, never before the compacted part. */
    private static List<Message> window(SessionState s, TokenCounts counts, int tokens) {
        List<Line> t = s.transcript();
        int from = t.size();
        int used = 0;
        while (from > 0) {
            Line l = t.get(from - 1);
            if (l.turn() <= s.compactedThrough() && l.turn() > 0) {
                break;
            }
            int cost = counts.of(t, from - 1);
            if (used + cost > tokens && from < t.size()) {
                break;
            }
            used += cost;
            from--;
        }
        List<Message> out = new ArrayList<>(t.size() - from);
        for (int i = from; i < t.size(); i++) {
            Line l = t.get(i);
            out.add(l.speaker() == Line.Speaker.USER ? Message.user(l.text())
                    : Message.assistant(l.cutOff() ? l.text() + " [interrupted]" : l.text()));
        }
        return out;
    }

    /** The state in a few lines, for the model; lines that repeat from turn to turn are counted once. */
    static List<String> digest(SessionState s, List<Moment> recalled, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("Where the conversation is: turn " + s.turn() + ", minute " + Duration.between(s.startedAt(), now).toMinutes() + " of "
                + s.staged().briefing().duration().toMinutes() + ", speaking " + s.language() + ".");
        StringBuilder sb = new StringBuilder("Objectives:");
        for (Objective o : s.staged().briefing().objectives()) {
            Coverage c = s.coverage().get(o.id());
            sb.append(' ').append(o.id()).append(' ').append(Math.round(c.level() * 100)).append('%')
                    .append(c.covered() ? " done" : "").append(o.id().equals(s.currentObjective()) ? " (current)" : "").append(';');
        }
        lines.add(sb.toString());
        lines.add("Engagement now: " + Math.round(s.engagementNow() * 100) + "%");
        List<Claim> claims = s.claims();
        for (int i = Math.max(0, claims.size() - 3); i < claims.size(); i++) {
            lines.add("They said at turn " + claims.get(i).turn() + ": \"" + brief(claims.get(i).quote()) + "\"");
        }
        List<Signal.EmotionNoted> emotions = s.emotions();
        for (int i = Math.max(0, emotions.size() - 2); i < emotions.size(); i++) {
            lines.add("A moment that mattered to them (turn " + emotions.get(i).turn() + "): \"" + brief(emotions.get(i).quote()) + "\"");
        }
        for (Moment m : recalled) {
            lines.add("Earlier (turn " + m.turn() + "), related to what they just said: \"" + m.text() + "\"");
        }
        List<Summary> summaries = s.summaries();
        for (Summary sum : summaries.subList(Math.max(0, summaries.size() - 3), summaries.size())) {
            lines.add("Summary of turns " + sum.fromTurn() + "-" + sum.toTurn() + ": " + sum.text());
        }
        return lines;
    }

    private static String brief(String quote) {
        String[] words = quote.strip().split("\\s+");
        return words.length <= 30 ? quote.strip() : String.join(" ", java.util.Arrays.copyOf(words, 30)) + " …";
    }
}
