package dev.chassis.work.gate;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.chassis.core.text.JsonAnswer;
import java.util.List;

/**
 * The output must be JSON valid against a JSON Schema (draft 2020-12), checked with
 * networknt's validator. Every step with an output schema has one.
 */
public record SchemaGate(String schema) implements Gate {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static volatile Schema meta;

    private static Schema meta() {
        Schema m = meta;
        if (m == null) {
            m = REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
            meta = m;
        }
        return m;
    }

    /**
     * Checks that {@code schema} is a usable JSON Schema.
     *
     * @throws IllegalArgumentException with the parser's or validator's complaint
     */
    public SchemaGate {
        compile(schema);
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public GateVerdict check(GateInput input) {
        if (input.json().isEmpty()) {
            return new GateVerdict.Fail(name(), List.of("the output is not JSON; answer with a JSON value only"));
        }
        List<Error> errors = compile(schema).validate(JsonAnswer.text(input.json().get()), InputFormat.JSON);
        if (errors.isEmpty()) {
            return new GateVerdict.Pass(name(), "valid");
        }
        return new GateVerdict.Fail(name(), errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).limit(10).toList());
    }

    private static Schema compile(String schema) {
        List<Error> problems;
        try {
            // The schema itself must satisfy the draft's meta-schema (shipped with the validator, no network).
            problems = meta().validate(schema, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid JSON Schema: " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid JSON Schema: " + problems.stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).limit(3).collect(java.util.stream.Collectors.joining("; ")));
        }
        try {
            Schema s = REGISTRY.getSchema(schema, InputFormat.JSON);
            s.validate("{}", InputFormat.JSON); // forces the schema to be read fully, so a broken one fails here
            return s;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid JSON Schema: " + e.getMessage(), e);
        }
    }
}
