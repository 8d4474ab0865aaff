/**
 * Engines that run on a fresh machine with no network: recognition with pocketsphinx and synthesis with espeak-ng (the
 * system's libraries, called through JNA), voice activity with Silero VAD on ONNX Runtime.
 */
package dev.chassis.voice.offline;
