/**
 * Steering, adjust don't retry: a {@link dev.chassis.talk.steer.SteeringPolicy} turns the current
 * signals and the state into the next {@link dev.chassis.talk.directive.Directive}. What went wrong is
 * never repeated word for word; the next turn goes somewhere else.
 */
package dev.chassis.talk.steer;
