/**
 * Synthetic participants: personas (YAML, {@code docs/personas.md}) with a background, answers by
 * topic, hidden facts, a planted contradiction, a pet topic, a baseline answer length, a language
 * switch that carries their topics, code-switching, an emotional moment with a lasting effect,
 * refused topics and low-effort or fraudulent effort; they react to how they are asked (length,
 * leading or double-barrelled questions, register, empathy, specific questions, their own words).
 * Each answer leaves an {@link dev.chassis.testkit.participant.AnswerNote}: the ground truth an
 * evaluation scores against. Offline and deterministic by seed.
 */
package dev.chassis.testkit.participant;
