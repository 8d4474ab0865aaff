package dev.chassis.work.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.core.journal.JournalException;
import dev.chassis.core.ledger.Fix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run starts with beyond its workflow and inputs: the instructions a fork changed, the extra
 * fixes (guards, notes) it runs under, and the folder relative paths resolve in.
 *
 * @param instructions new instructions by step id (a fork's)
 * @param fixes        fixes beyond the harness's ledger (a fork's)
 * @param folder       the workflow's folder, absolute; where its instruction map is found
 */
public record RunChanges(Map<String, String> instructions, List<Fix> fixes, String folder) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public RunChanges {
        instructions = Map.copyOf(instructions == null ? Map.of() : instructions);
        fixes = List.copyOf(fixes == null ? List.of() : fixes);
        folder = Objects.requireNonNullElse(folder, "");
    }

    /** No changes, in {@code folder}. */
    public static RunChanges in(String folder) {
        return new RunChanges(Map.of(), List.of(), folder);
    }

    /** These changes with {@code more} instructions, which win over earlier ones for the same step. */
    public RunChanges withInstructions(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(instructions);
        all.putAll(more);
        return new RunChanges(all, fixes, folder);
    }

    /** These changes with {@code more} fixes after the earlier ones. */
    public RunChanges withFixes(List<Fix> more) {
        return new RunChanges(instructions, java.util.stream.Stream.concat(fixes.stream(), more.stream()).toList(), folder);
    }

    /**
     * A fix as journals written before this was a type hold it: without its kind (lost in writing), which
     * its fields tell.
     */
    private static JsonNode withKind(JsonNode fix) {
        String kind = fix.has("target") ? "context-note" : fix.has("pattern") ? "output-guard" : fix.has("change") ? "tool-change"
                : fix.has("then") ? "steering-rule" : "tool-guard";
        return ((com.fasterxml.jackson.databind.node.ObjectNode) fix.deepCopy()).put("kind", kind);
    }

    /**
     * Reads what a journal holds: an object, or (in journals written before this was a type) the same
     * object as JSON text.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RunChanges fromJson(JsonNode node) {
        try {
            JsonNode n = node.isTextual() ? JSON.readTree(node.asText().isBlank() ? "{}" : node.asText()) : node;
            Map<String, String> instructions = new LinkedHashMap<>();
            n.path("instructions").properties().forEach(e -> instructions.put(e.getKey(), e.getValue().asText()));
            List<Fix> fixes = new java.util.ArrayList<>();
            for (JsonNode f : n.path("fixes")) {
                fixes.add(JSON.treeToValue(f.has("kind") ? f : withKind(f), Fix.class));
            }
            return new RunChanges(instructions, fixes, n.path("folder").asText(""));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new JournalException("a run's changes are not readable: " + e.getOriginalMessage(), e);
        }
    }
}
