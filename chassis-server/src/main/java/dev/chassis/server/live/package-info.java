/**
 * Live interviews: a participant's WebSocket drives a talk-harness session turn by turn, streaming the
 * reply's tokens back; typing interrupts; a reconnect with the same link resumes the same session from
 * its journal. Also the views of a session's state that the console shows.
 */
package dev.chassis.server.live;
