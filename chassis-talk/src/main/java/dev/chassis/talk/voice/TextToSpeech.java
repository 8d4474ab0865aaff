package dev.chassis.talk.voice;

import dev.chassis.talk.channel.Channel;

/**
 * Speaks the agent's reply. As a {@link Channel} it receives the reply's frames; it must stop
 * speaking at once on an interruption frame. Slow synthesis goes behind an
 * {@link dev.chassis.talk.channel.OutboundQueue}.
 */
public interface TextToSpeech extends Channel {

    /** The voice in use, for logs. */
    String voice();
}
