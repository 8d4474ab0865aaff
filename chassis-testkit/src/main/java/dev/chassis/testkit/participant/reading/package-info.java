/**
 * How a listener reads an interviewer's words, in every language with a data file: which language a
 * sentence is in (script and frequent words), what a question does (leading, double-barrelled,
 * closed), its tone (warm, empathic, praising, specific, contrasting two statements) and register,
 * and whether it quotes someone's own words. Synthetic participants react to it and the evaluation
 * scores with it. It shares no code with the talk harness's monitors or steering: the judge is not
 * the judged. Adding a language is adding a data file (see {@code reading/index.yaml}).
 */
package dev.chassis.testkit.participant.reading;
