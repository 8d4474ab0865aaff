/**
 * Studies and their sessions as the server keeps them: one folder per study (the guide as it was
 * uploaded, and its metadata), one file per session; transcripts, quality flags and reports built
 * from the sessions' journals.
 */
package dev.chassis.server.study;
