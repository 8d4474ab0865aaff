/**
 * The AI interviewer: the talk harness driven by an interview guide, talking to a synthetic participant
 * (simulations, offline runs) or a person (terminal, browser), and writing the transcript.
 */
package dev.chassis.research.interview;
