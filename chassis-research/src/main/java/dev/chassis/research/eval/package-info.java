/**
 * Evaluation of the AI interviewer: guides against synthetic participants, once with the whole
 * harness and once per feature switched off on the same engine, scored per session and in total, to
 * show what each part of the harness contributes.
 */
package dev.chassis.research.eval;
