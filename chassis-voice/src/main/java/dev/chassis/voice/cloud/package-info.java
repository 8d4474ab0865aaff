/**
 * Cloud speech engines, each speaking its provider's protocol with the JDK's HTTP and WebSocket client: OpenAI
 * transcription and speech, Deepgram live transcription, ElevenLabs streaming synthesis. Every failure becomes a
 * {@link dev.chassis.talk.voice.SpeechException} in plain words; keys are never printed.
 */
package dev.chassis.voice.cloud;
