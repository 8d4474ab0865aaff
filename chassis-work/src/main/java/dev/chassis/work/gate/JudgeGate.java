package dev.chassis.work.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.Message;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import dev.chassis.core.text.JsonAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model judges the output against a rubric and answers with a score from 0 to 10 and reasons;
 * the gate passes at {@code threshold} or more. Offline, the engine's judge realiser scores by
 * checking the rubric's required terms are present (see {@link JudgeIntent}).
 */
public record JudgeGate(String name, String rubric, double threshold) implements Gate {

    public JudgeGate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rubric, "rubric");
        if (threshold < 0 || threshold > 10) {
            throw new IllegalArgumentException("a judge threshold is a score from 0 to 10, was " + threshold);
        }
    }

    @Override
    public GateVerdict check(GateInput input) {
        Prompt p = Prompt.of(
                Message.system("You judge the output of a work step against a rubric. Answer with JSON only: "
                        + "{\"score\": <0-10>, \"reasons\": [\"...\"]}."),
                Message.user("Rubric:\n" + rubric + "\n\nOutput to judge:\n" + input.output()))
                .withIntent(new JudgeIntent(rubric, input.output())).withTemperature(0);
        String answer = input.judge().generate(p, Deadline.in(Duration.ofSeconds(60))).text();
        JsonNode verdict = JsonAnswer.json(answer).orElse(null);
        if (verdict == null || !verdict.path("score").isNumber()) {
            return new GateVerdict.Fail(name, List.of("the judge did not answer with a score: " + answer.strip()));
        }
        double score = verdict.path("score").asDouble();
        List<String> reasons = new ArrayList<>();
        verdict.path("reasons").forEach(r -> reasons.add(r.asText()));
        if (score >= threshold) {
            return new GateVerdict.Pass(name, "score " + score + " of 10" + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
        }
        List<String> findings = new ArrayList<>();
        findings.add("judged " + score + " of 10, needs " + threshold);
        findings.addAll(reasons);
        return new GateVerdict.Fail(name, findings);
    }
}
