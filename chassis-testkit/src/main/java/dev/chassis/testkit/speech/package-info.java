/**
 * Synthetic speech with exact ground truth, for testing and measuring the voice path: turns spoken by espeak-ng
 * piece by piece with known pauses ({@link dev.chassis.testkit.speech.SpokenTurn}), recorded sounds read from WAV files,
 * a recogniser that knows the script ({@link dev.chassis.testkit.speech.ScriptedRecognizer}) and one that hears the
 * same words in any speech ({@link dev.chassis.testkit.speech.FixedRecognizer}).
 */
package dev.chassis.testkit.speech;
