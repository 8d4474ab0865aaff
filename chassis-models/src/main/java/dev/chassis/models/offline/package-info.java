/**
 * The offline engine: a deterministic {@link dev.chassis.core.model.Model} with no network. It
 * realises the harnesses' structured intents through the {@link dev.chassis.core.model.OfflineRealiser}s
 * they register, streams the text token by token with configurable pacing, and answers a plain
 * conversation with a short reflective reply. It is the default engine and the talk harness's
 * deadline fallback.
 */
package dev.chassis.models.offline;
