/**
 * Whether a session is saving what is said and whether its model is answering: {@link
 * dev.chassis.talk.health.SessionHealth}, read from {@code Session.health()} and told as {@code
 * TalkEvent.HealthChanged}, so an application (the server's participant page and {@code /health}, the
 * CLI's status line) says so in plain words instead of degrading silently.
 */
package dev.chassis.talk.health;
