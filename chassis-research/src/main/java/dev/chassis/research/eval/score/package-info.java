/**
 * Scores of one interview, computed from outside the harness: from what the interviewer said (its
 * words and timing), what the synthetic participant knows it did ({@link
 * dev.chassis.testkit.participant.AnswerNote}), and the guide. Nothing here imports the talk
 * harness's monitors, steering or text analysis (an ArchUnit rule holds this): the judge reads with
 * its own reading ({@link dev.chassis.testkit.participant.reading}).
 */
package dev.chassis.research.eval.score;
