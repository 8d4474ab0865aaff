package dev.chassis.server.live;

/** What a session's listening thread takes from its connections, in the order they came ({@link VoiceSession#hear}). */
sealed interface Heard {

    /**
     * A piece of a connection's microphone audio.
     *
     * @param arrivedNanos when it arrived ({@link System#nanoTime()}): a barge-in is timed from its audio's arrival, not
     *                     from when the piece was heard
     */
    record Piece(Peer from, short[] samples, long arrivedNanos) implements Heard {
    }

    /** The connection left: its turn in progress is dropped once the audio it sent before is heard. */
    record Left(Peer peer) implements Heard {
    }
}
