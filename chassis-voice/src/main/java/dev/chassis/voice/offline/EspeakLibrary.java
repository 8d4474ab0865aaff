package dev.chassis.voice.offline;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The part of libespeak-ng (speak_lib.h) the synthesiser calls. */
interface EspeakLibrary extends Library {

    int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    int CHARS_UTF8 = 1;
    int POS_CHARACTER = 1;
    int PARAMETER_RATE = 1;
    int EVENT_LIST_TERMINATED = 0;
    int EVENT_WORD = 1;
    /** sizeof(espeak_EVENT) on 64-bit Linux: six ints, a pointer, an 8-byte union. */
    int EVENT_SIZE = 40;
    int EVENT_TEXT_POSITION = 8;
    int EVENT_LENGTH = 12;
    int EVENT_AUDIO_POSITION = 16;

    /** Returns the sample rate, or -1. */
    int espeak_Initialize(int output, int bufferMillis, String dataPath, int options);

    void espeak_SetSynthCallback(SynthCallback callback);

    int espeak_SetVoiceByName(String name);

    int espeak_SetParameter(int parameter, int value, int relative);

    int espeak_Synth(Pointer text, NativeLong size, int position, int positionType, int endPosition, int flags,
                     Pointer uniqueIdentifier, Pointer userData);

    /** Receives audio and the events (words) inside it; returns 1 to stop synthesis. */
    interface SynthCallback extends Callback {
        int invoke(Pointer wav, int samples, Pointer events);
    }
}
