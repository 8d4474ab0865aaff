/**
 * Synthetic speech with exact ground truth, for testing and measuring the voice path: turns spoken by espeak-ng
 * piece by piece with known pauses ({@link dev.chassis.testkit.speech.SpokenTurn}), recorded sounds read from WAV files,
 * and a recogniser that knows the script ({@link dev.chassis.testkit.speech.ScriptedRecognizer}).
 */
package dev.chassis.testkit.speech;
