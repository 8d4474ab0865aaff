/**
 * Who may do what: the researcher's bearer token, participant links signed for one session, rate
 * limits on participant traffic, and the checks every request passes before a handler sees it.
 */
package dev.chassis.server.auth;
