/** Deadlines: points in monotonic time that a model call or a turn must meet, and the one timer thread that keeps them. */
package dev.chassis.core.time;
