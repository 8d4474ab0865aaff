package dev.chassis.talk.assemble;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.text.Words;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.monitor.ReplyLanguageMonitor;
import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.recall.Moment;
import dev.chassis.talk.recall.RecallIndex;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.state.TurnsSummary;
import dev.chassis.talk.directive.Directive;
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
    private final TokenCounts counts;
    private final int prefixTokens;
    private final boolean withDigest;

    /**
     * An assembler for one session, with the state digest and recall.
     *
     * @param budget          the model's context budget in tokens
     * @param reserveForReply tokens kept free for the reply
     * @param counts          the session's token counts
     * @param prefixTokens    the staged prefix's size (known from staging)
     */
    public ContextAssembler(int budget, int reserveForReply, TokenCounts counts, int prefixTokens) {
        this(budget, reserveForReply, counts, prefixTokens, true);
    }

    private ContextAssembler(int budget, int reserveForReply, TokenCounts counts, int prefixTokens, boolean withDigest) {
        if (budget <= reserveForReply) {
            throw new IllegalArgumentException("context budget " + budget + " must exceed the reply reserve " + reserveForReply);
        }
        this.budget = budget;
        this.reserveForReply = reserveForReply;
        this.counts = counts;
        this.prefixTokens = prefixTokens;
        this.withDigest = withDigest;
    }

    /** A copy that leaves out the state digest and recalled moments (the STATE feature off, in ablations). */
    public ContextAssembler withoutDigest() {
        return new ContextAssembler(budget, reserveForReply, counts, prefixTokens, false);
    }

    /**
     * What one turn's prompt is made from.
     *
     * @param state     the state the turn was given
     * @param directive what the reply must do
     * @param recalled  earlier moments related to what was just said (empty for the opening)
     * @param now       the session clock's time of the turn
     */
    public record Turn(SessionState state, Directive directive, List<Moment> recalled, Instant now) {
    }

    /** The prompt for the next reply. */
    public Prompt assemble(Turn turn) {
        SessionState s = turn.state();
        List<Message> messages = new ArrayList<>();
        messages.add(Message.system(s.staged().prefix()));
        int left = budget - reserveForReply - prefixTokens - directiveTokens(turn.directive(), counts);
        if (withDigest) {
            Digest digest = digest(s, replyLanguage(s, turn.directive()), turn.recalled(), turn.now(), counts);
            if (digest.tokens() < left / 2) {
                messages.add(Message.system(String.join("\n", digest.lines())));
                left -= digest.tokens();
            }
        }
        messages.addAll(window(s, counts, Math.max(0, left)));
        return Prompt.of(messages).withIntent(turn.directive()).withMaxOutputTokens(Math.min(reserveForReply, 400));
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

    /** The digest's lines and their size in tokens. */
    record Digest(List<String> lines, int tokens) {
    }

    /**
     * The language this reply is in: the directive's (a switch names the new one; a notice that the interview keeps its
     * language is said in the person's), the session's for a bridge.
     */
    private static String replyLanguage(SessionState s, Directive d) {
        return d instanceof Directive.Bridge ? s.language() : d.spokenIn();
    }

    /** The state in a few lines, for the model, with their tokens (most counted on an earlier turn or ahead). */
    static Digest digest(SessionState s, String language, List<Moment> recalled, Instant now, TokenCounts counts) {
        List<String> lines = new ArrayList<>();
        int tokens = 4;
        lines.add("Where the conversation is: turn " + s.turn() + ", minute " + Duration.between(s.startedAt(), now).toMinutes() + " of "
                + s.staged().briefing().duration().toMinutes() + ", speaking " + language + ".");
        String began = s.staged().briefing().language();
        if (!language.equals(began)) {
            // The staged prefix names the language the session began in; the person has moved on, and so does every sentence.
            lines.add("The person now speaks " + language + ": write this whole reply in " + language
                    + ", the acknowledgement and the question included, with no sentence in " + (s.language().equals(language) ? began : s.language()) + ".");
        }
        StringBuilder sb = new StringBuilder("Objectives:");
        for (Objective o : s.staged().briefing().objectives()) {
            Coverage c = s.coverage().get(o.id());
            sb.append(' ').append(o.id()).append(' ').append(Math.round(c.level() * 100)).append('%')
                    .append(c.covered() ? " done" : "").append(o.id().equals(s.currentObjective()) ? " (current)" : "").append(';');
        }
        lines.add(sb.toString());
        lines.add("Engagement now: " + Math.round(s.engagementNow() * 100) + "%");
        // A slip into another language in the last reply (ReplyLanguageMonitor): this reply corrects it.
        s.pending().stream().filter(Signal.Note.class::isInstance).map(Signal.Note.class::cast)
                .filter(n -> n.kind().equals(ReplyLanguageMonitor.KIND) && n.turn() == s.turn()).findFirst()
                .ifPresent(n -> lines.add("Your last reply slipped into " + n.attributes().get("found") + " (\"" + n.attributes().get("sentence")
                        + "\"): write this reply only in " + n.attributes().get("expected") + "."));
        List<Claim> claims = s.claims();
        for (int i = Math.max(0, claims.size() - 3); i < claims.size(); i++) {
            lines.add(claimLine(claims.get(i)));
        }
        List<Signal.EmotionNoted> emotions = s.emotions();
        for (int i = Math.max(0, emotions.size() - 2); i < emotions.size(); i++) {
            lines.add(emotionLine(emotions.get(i)));
        }
        for (String line : lines) {
            tokens += counts.of(line) + 1;
        }
        for (Moment m : recalled) {
            String line = recalledLine(m.turn(), m.text());
            lines.add(line);
            tokens += counts.recalled(m.turn(), line) + 1;
        }
        List<TurnsSummary> summaries = s.summaries();
        for (TurnsSummary sum : summaries.subList(Math.max(0, summaries.size() - 3), summaries.size())) {
            String line = "Summary of turns " + sum.fromTurn() + "-" + sum.toTurn() + ": " + sum.text();
            lines.add(line);
            tokens += counts.of(line) + 1;
        }
        return new Digest(lines, tokens);
    }

    /**
     * Counts, off the turn's path, the digest line that a signal adds (a claim, an emotional moment),
     * so that the turn that first shows it does not have to.
     */
    public static void countAhead(Signal signal, TokenCounts counts) {
        switch (signal) {
            case Signal.ClaimNoted c -> counts.warm(claimLine(c.claim()));
            case Signal.EmotionNoted e -> counts.warm(emotionLine(e));
            default -> { }
        }
    }

    /** Counts, off the turn's path, the line that would recall what was said at {@code turn}. */
    public static void countAhead(int turn, String utterance, TokenCounts counts) {
        counts.warmRecalled(turn, recalledLine(turn, RecallIndex.snippet(utterance)));
    }

    private static String claimLine(Claim c) {
        return "They said at turn " + c.turn() + ": \"" + Words.clip(c.quote(), 30) + "\"";
    }

    private static String emotionLine(Signal.EmotionNoted e) {
        return "A moment that mattered to them (turn " + e.turn() + "): \"" + Words.clip(e.quote(), 30) + "\"";
    }

    private static String recalledLine(int turn, String text) {
        return "Earlier (turn " + turn + "), related to what they just said: \"" + text + "\"";
    }
}
