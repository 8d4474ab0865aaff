package dev.chassis.work.gate;

import dev.chassis.core.model.Intent;

/**
 * A judge call's intent: the rubric and the output. The offline realiser scores the share of the
 * rubric's lines whose key terms appear in the output.
 */
public record JudgeIntent(String rubric, String output) implements Intent {

    @Override
    public String render() {
        return "Score the output from 0 to 10 against the rubric; answer as JSON {\"score\": n, \"reasons\": [...]}.";
    }
}
