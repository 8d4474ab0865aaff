/**
 * The model layer both harnesses drive: a {@link dev.chassis.core.model.Model} streams a reply for a
 * {@link dev.chassis.core.model.Prompt} under a {@link dev.chassis.core.time.Deadline}.
 *
 * <p>Engines live elsewhere ({@code chassis-models}: LangChain4j bridge and the offline engine;
 * {@code chassis-testkit}: scripted models). They share {@link dev.chassis.core.model.StreamingGeneration}
 * so that timing, ordering, cancellation and deadlines behave the same in every engine.
 */
package dev.chassis.core.model;
