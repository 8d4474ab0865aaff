/**
 * What monitors observe and raise: {@link dev.chassis.talk.signal.Signal}s with their evidence and the
 * {@link dev.chassis.talk.signal.Claim}s a person made. Shared vocabulary: the state records signals,
 * monitors raise them, steering acts on them; this package depends on none of those.
 */
package dev.chassis.talk.signal;
