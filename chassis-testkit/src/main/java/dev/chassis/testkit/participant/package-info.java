/**
 * Synthetic participants: personas (YAML) with a background, answers by topic, hidden facts given only
 * when asked about the right topic, planted contradictions, engagement that drops on long, leading or
 * double-barrelled questions and recovers on short warm ones, a language switch, and a pace. Offline
 * and deterministic by seed.
 */
package dev.chassis.testkit.participant;
