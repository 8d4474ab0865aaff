/**
 * The talk harness: for agents in a live conversation. A turn goes in, the session state is updated
 * in microseconds, steering picks the next {@link dev.chassis.talk.directive.Directive}, the prompt is
 * assembled from the staged context and the state, and the model streams the reply under a
 * first-token deadline, while monitors run beside it and steer the turn after.
 *
 * <p>Start at {@link dev.chassis.talk.TalkHarness}.
 */
package dev.chassis.talk;
