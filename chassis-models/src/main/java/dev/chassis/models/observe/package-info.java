/** Model calls as OpenTelemetry spans, named and described by the GenAI semantic conventions. */
package dev.chassis.models.observe;
