package dev.chassis.testkit.speech;

import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.SpeechTranscript;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A recogniser that knows the script: as audio is fed, each piece of the turn whose audio has been heard in full is
 * "recognised", the way a streaming cloud recogniser reports words a few hundred milliseconds after they are said
 * ({@code lag}). It stands in for recognition in languages the offline recogniser lacks, so end-of-turn detection can be
 * measured on its own. Punctuation is left out, as many engines leave it. Not thread-safe.
 */
public final class ScriptedRecognizer implements SpeechToText {

    private final SpokenTurn turn;
    private final java.util.function.LongSupplier position;
    private final long lagSamples;

    /** Recognises {@code turn}; {@code position} tells how many samples of the turn's audio have been fed so far. */
    public ScriptedRecognizer(SpokenTurn turn, java.util.function.LongSupplier position, java.time.Duration lag) {
        this.turn = turn;
        this.position = position;
        this.lagSamples = lag.toMillis() * 16;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Recognition start(String language, PartialListener partials) {
        long from = position.getAsLong();   // this stream hears the pieces still going on or yet to come
        return new Recognition() {
            private String last = "";

            @Override
            public void feed(short[] samples, int offset, int length) {
                String now = heard(from, position.getAsLong() - lagSamples);
                if (!now.equals(last)) {
                    last = now;
                    partials.partial(new SpeechTranscript(now, false, List.of(), language));
                }
            }

            @Override
            public CompletableFuture<SpeechTranscript> finish() {
                return CompletableFuture.completedFuture(new SpeechTranscript(heard(from, position.getAsLong()), true, List.of(), language));
            }

            @Override
            public void close() {
            }
        };
    }

    /** The text of the pieces that end after {@code from} and within the first {@code samples} of the turn's audio. */
    private String heard(long from, long samples) {
        StringBuilder sb = new StringBuilder();
        for (SpokenTurn.Piece p : turn.pieces()) {
            long stop = p.stop().toMillis() * 16;
            if (stop > from && stop <= samples) {
                sb.append(sb.isEmpty() ? "" : " ").append(p.text().replaceAll("[\\p{Punct}¿¡…]+$", "").replaceAll("[,;:]", ""));
            }
        }
        return sb.toString();
    }
}
