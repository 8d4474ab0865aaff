/**
 * What the next reply does: a {@link dev.chassis.talk.directive.Directive} (ask, probe, acknowledge,
 * bridge, wrap up, ...). Steering decides one, the state records it, the realiser and the model carry it
 * out; it depends only on the signals that caused it.
 */
package dev.chassis.talk.directive;
