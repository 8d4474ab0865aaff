/**
 * Interview transcripts: the turns of a session (who spoke, what was said, when) and the marks a live
 * session left on them (coverage, contradictions, engagement). Reads the plain dialogue format
 * ({@code AI:} / {@code User:} paragraphs), CSV files of such dialogues, and the JSON the AI interviewer
 * writes; every reading error names the file, line and field.
 */
package dev.chassis.research.transcript;
