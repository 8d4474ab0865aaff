package dev.chassis.voice.cloud;

import dev.chassis.talk.voice.Pcm;
import java.nio.ByteBuffer;

/** A RIFF/WAVE file around 16-bit mono PCM, the form upload APIs take. */
final class Wav {

    private Wav() {
    }

    static byte[] of(byte[] pcm, int sampleRate) {
        return ByteBuffer.allocate(44 + pcm.length).put(Pcm.wavHeader(sampleRate, pcm.length)).put(pcm).array();
    }
}
