package dev.chassis.work;

import dev.chassis.core.ledger.Fix;
import dev.chassis.core.model.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a fork changes when it re-runs a run from one of its steps.
 *
 * @param model        another model for the re-run steps
 * @param instructions new instructions by step id
 * @param fixes        extra rules (tool guards, output guards, context notes), as in the mistake ledger
 * @param labels       what the application records about the fork over the original's labels (the model it was given, so a
 *                     resumed fork runs on it again)
 */
public record Fork(Optional<Model> model, Map<String, String> instructions, List<Fix> fixes, Map<String, String> labels) {

    public Fork {
        instructions = Map.copyOf(instructions);
        fixes = List.copyOf(fixes);
        labels = Map.copyOf(labels);
    }

    public Fork(Optional<Model> model, Map<String, String> instructions, List<Fix> fixes) {
        this(model, instructions, fixes, Map.of());
    }

    /** The same changes, the fork's start recording {@code more} over the original's labels. */
    public Fork withLabels(Map<String, String> more) {
        return new Fork(model, instructions, fixes, more);
    }

    public static Fork withModel(Model model) {
        return new Fork(Optional.of(model), Map.of(), List.of());
    }

    public static Fork withInstruction(String step, String instruction) {
        return new Fork(Optional.empty(), Map.of(step, instruction), List.of());
    }

    public static Fork withFix(Fix fix) {
        return new Fork(Optional.empty(), Map.of(), List.of(fix));
    }
}
