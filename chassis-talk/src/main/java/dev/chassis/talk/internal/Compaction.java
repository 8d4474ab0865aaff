package dev.chassis.talk.internal;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.text.KeyTerms;
import dev.chassis.core.time.Deadline;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.state.TurnsSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarises a stretch of older turns, in the background: with a model when one is configured,
 * otherwise extractively (from each answer, the sentence with the most telling words). Never runs
 * on a turn's path.
 */
final class Compaction {

    /** Turns kept verbatim after a compaction. */
    static final int KEEP_TURNS = 4;
    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]+[.!?。！？]?");

    private Compaction() {
    }

    /** A summary of the turns after the last compaction up to {@code KEEP_TURNS} before the current one, if there are any. */
    static Optional<TurnsSummary> summarise(SessionState s, Optional<Model> model) {
        int from = s.compactedThrough() + 1;
        int to = s.turn() - KEEP_TURNS;
        if (to < from) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        for (Line l : s.transcript()) {
            if (l.turn() >= from && l.turn() <= to) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String text = model.map(m -> withModel(m, lines)).orElseGet(() -> extractive(lines));
        return Optional.of(new TurnsSummary(from, to, text));
    }

    private static String withModel(Model model, List<Line> lines) {
        StringBuilder transcript = new StringBuilder();
        lines.forEach(l -> transcript.append(l.speaker() == Line.Speaker.USER ? "Person: " : "Agent: ").append(l.text()).append('\n'));
        Prompt p = Prompt.of(Message.system("Summarise what the person said in at most three sentences, keeping facts, numbers and feelings."),
                Message.user(transcript.toString())).withTemperature(0).withMaxOutputTokens(160);
        try {
            return model.generate(p, Deadline.in(Duration.ofSeconds(30))).text().strip();
        } catch (RuntimeException e) {
            return extractive(lines);
        }
    }

    static String extractive(List<Line> lines) {
        List<String> picked = new ArrayList<>();
        int words = 0;
        for (Line l : lines) {
            if (l.speaker() != Line.Speaker.USER) {
                continue;
            }
            String best = best(l.text());
            if (!best.isEmpty() && words < 120) {
                picked.add("(turn " + l.turn() + ") " + best);
                words += best.split("\\s+").length;
            }
        }
        return picked.isEmpty() ? "Small talk, nothing of substance." : String.join(" ", picked);
    }

    private static String best(String text) {
        Matcher m = SENTENCE.matcher(text);
        String best = "";
        int bestScore = -1;
        while (m.find()) {
            String sentence = m.group().strip();
            int score = KeyTerms.of(sentence, 10).size();
            if (score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }
}
