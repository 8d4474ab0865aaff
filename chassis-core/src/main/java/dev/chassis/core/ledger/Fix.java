package dev.chassis.core.ledger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.Objects;

/**
 * What was changed in the environment so that a mistake cannot recur: a closed set. Harnesses apply
 * the kinds that concern them when they are built.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Fix.ToolGuard.class, name = "tool-guard"),
        @JsonSubTypes.Type(value = Fix.OutputGuard.class, name = "output-guard"),
        @JsonSubTypes.Type(value = Fix.SteeringRule.class, name = "steering-rule"),
        @JsonSubTypes.Type(value = Fix.ContextNote.class, name = "context-note"),
        @JsonSubTypes.Type(value = Fix.ToolChange.class, name = "tool-change")})
public sealed interface Fix {

    /** Why this fix exists, in a sentence. */
    String reason();

    /**
     * A rule on tool calls: {@code effect} (deny or ask) for calls to tools matching {@code tool} whose
     * arguments match {@code arguments} (JSON Pointer → regex).
     */
    record ToolGuard(String tool, Map<String, String> arguments, String effect, String reason) implements Fix {
        public ToolGuard {
            Objects.requireNonNull(tool, "tool");
            arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
            effect = effect == null ? "deny" : effect;
        }
    }

    /** A rule on outputs: output of {@code scope} (a step id, or * for all) matching {@code pattern} (regex) is refused. */
    record OutputGuard(String scope, String pattern, String reason) implements Fix {
        public OutputGuard {
            scope = scope == null ? "*" : scope;
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /**
     * A talk steering rule: when {@code when} holds (a signal kind such as {@code engagement-dropped}, or
     * {@code answer~<regex>}), the next directive is {@code then} (simplify, probe, clarify, move-on, acknowledge,
     * redirect, wrap-up).
     */
    record SteeringRule(String when, String then, String reason) implements Fix {
        public SteeringRule {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(then, "then");
        }
    }

    /** A note added to the context: {@code target} is {@code instructions} (work) or {@code staged} (talk). */
    record ContextNote(String target, String text, String reason) implements Fix {
        public ContextNote {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A change to a tool (its description, or its checks), recorded for the record; the code change is in git. */
    record ToolChange(String tool, String change, String reason) implements Fix {
        public ToolChange {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(change, "change");
        }
    }
}
