/**
 * Speech engines for the talk harness's voice SPIs ({@link dev.chassis.talk.voice}): {@link dev.chassis.voice.SpeechEngines}
 * picks one by name; {@code offline} holds the engines that run on a fresh machine (pocketsphinx, espeak-ng, the Silero
 * voice activity model), {@code cloud} the providers' protocols (OpenAI, Deepgram, ElevenLabs). Provider code and native
 * libraries live here so that the harness stays plain Java.
 */
package dev.chassis.voice;
