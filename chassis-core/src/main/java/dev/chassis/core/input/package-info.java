/**
 * Reading what users give us (YAML and JSON files, CSV rows, API payloads) with one kind of error:
 * {@link dev.chassis.core.input.InvalidInputException}, which names the source, line, field and what
 * to do, so no user ever sees a stack trace for bad input.
 */
package dev.chassis.core.input;
