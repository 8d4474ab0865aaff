/**
 * Engines by name: {@link dev.chassis.models.ModelFactory} turns a model string such as
 * {@code openai:gpt-4.1-mini} into a {@link dev.chassis.core.model.Model}, with keys from the
 * environment and one-line errors for anything misconfigured.
 */
package dev.chassis.models;
