/** In-process models for unit tests: {@link dev.chassis.testkit.model.ScriptedModel}. */
package dev.chassis.testkit.model;
