/**
 * Tools a model may call: their specs, invocation with typed results, and the declarative
 * {@link dev.chassis.core.tool.ToolPolicy} checked before every call.
 */
package dev.chassis.core.tool;
