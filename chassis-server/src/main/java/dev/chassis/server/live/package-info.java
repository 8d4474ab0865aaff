/**
 * Live interviews: a participant's WebSocket drives a talk-harness session turn by turn on the talk channel's frames
 * ({@link dev.chassis.server.live.WireFrames} is their JSON), streaming the reply's tokens back through each
 * connection's queue; typing interrupts, and the interruption overtakes what is queued; a reconnect with the same link
 * resumes the same session from its journal. A participant may speak instead of typing ({@link
 * dev.chassis.server.live.VoiceSession}: their audio is turned into turns and the replies are spoken back, speaking
 * over the interviewer cuts it off; {@link dev.chassis.server.live.SessionAudio} keeps the audio heard and spoken beside the
 * journal, which says where each turn's is). Also the views of a session's state that the console shows, and a turn's kept
 * audio read back ({@link dev.chassis.server.live.AudioClip}).
 */
package dev.chassis.server.live;
