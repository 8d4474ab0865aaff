/** Voice ports: speech-to-text, text-to-speech and end-of-turn detection, for adapters to implement. */
package dev.chassis.talk.voice;
