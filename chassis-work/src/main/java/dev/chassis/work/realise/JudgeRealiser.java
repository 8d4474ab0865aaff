package dev.chassis.work.realise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.core.model.OfflineRealiser;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.text.KeyTerms;
import dev.chassis.work.gate.JudgeIntent;
import java.util.List;
import java.util.Locale;

/**
 * Judges without a model: each line of the rubric is met when one of its key terms appears in the
 * output; the score is the share of lines met, out of 10, and every unmet line is a reason.
 */
public final class JudgeRealiser implements OfflineRealiser<JudgeIntent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Class<JudgeIntent> intentType() {
        return JudgeIntent.class;
    }

    @Override
    public Reply realise(JudgeIntent intent, Prompt prompt) {
        List<String> lines = intent.rubric().lines().map(l -> l.replaceFirst("^\\s*[-*\\d.)]+\\s*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        String output = intent.output().toLowerCase(Locale.ROOT);
        ArrayNode reasons = JSON.createArrayNode();
        int met = 0;
        for (String line : lines) {
            List<String> terms = KeyTerms.of(line, 3);
            if (terms.isEmpty() || terms.stream().anyMatch(t -> output.contains(t.toLowerCase(Locale.ROOT)))) {
                met++;
            } else {
                reasons.add("not met: " + line);
            }
        }
        double score = lines.isEmpty() ? 10 : Math.round(100.0 * met / lines.size()) / 10.0;
        ObjectNode verdict = JSON.createObjectNode().put("score", score);
        verdict.set("reasons", reasons);
        return Reply.text(verdict.toString());
    }
}
