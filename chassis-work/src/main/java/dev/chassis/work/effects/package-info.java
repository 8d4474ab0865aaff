/**
 * Built-in tools that change the world, each done once per idempotency key (the call id the journal gives
 * it), so a resumed run never does a finished side effect twice: {@link dev.chassis.work.effects.WriteFileTool}.
 */
package dev.chassis.work.effects;
