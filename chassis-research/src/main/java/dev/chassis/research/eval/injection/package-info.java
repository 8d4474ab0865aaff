/**
 * The prompt-injection evaluation ({@code chassis eval --injection}): a corpus of attempts to take over the
 * interviewer, and benign controls, each said to a fresh interview on any engine; scored from outside the
 * harness (recognised, counted as an answer, leaked) per attempt, language and kind.
 */
package dev.chassis.research.eval.injection;
