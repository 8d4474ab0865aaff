/** Deadlines: points in monotonic time that a model call or a turn must meet. */
package dev.chassis.core.time;
