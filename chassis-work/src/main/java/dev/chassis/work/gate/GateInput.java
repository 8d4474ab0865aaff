package dev.chassis.work.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.core.model.Model;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What a gate sees.
 *
 * @param output        the step's output as the model gave it
 * @param json          the output parsed, when it is JSON
 * @param documentsRead instruction documents opened in this run so far
 * @param judge         the model for judge gates
 * @param workdir       where command gates run
 */
public record GateInput(String runId, String step, int attempt, String output, Optional<JsonNode> json, Set<String> documentsRead,
                        Model judge, Path workdir) { }
