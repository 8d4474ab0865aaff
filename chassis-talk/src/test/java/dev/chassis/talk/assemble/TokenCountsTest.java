package dev.chassis.talk.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.token.Tokenizer;
import dev.chassis.talk.state.Line;
import dev.chassis.talk.state.Line.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCountsTest {

    /** One token per word: easy to reason about, and it counts how often the tokenizer was asked. */
    private final AtomicInteger asked = new AtomicInteger();
    private final Tokenizer words = new Tokenizer() {
        @Override
        public String encoding() {
            return "words";
        }

        @Override
        public int count(String text) {
            asked.incrementAndGet();
            return text.isBlank() ? 0 : text.trim().split("\\s+").length;
        }

        @Override
        public String truncate(String text, int maxTokens) {
            String[] w = text.trim().split("\\s+");
            return String.join(" ", java.util.Arrays.copyOf(w, Math.min(w.length, Math.max(0, maxTokens))));
        }
    };

    private static Line said(int turn, String text) {
        return new Line(turn, Speaker.USER, text, Instant.EPOCH, false);
    }

    @Test
    void aLineIsCountedOnce() {
        TokenCounts counts = new TokenCounts(words);
        List<Line> transcript = List.of(said(0, "hello there"), said(1, "we ship every second week"));
        assertThat(counts.of(transcript, 1)).isEqualTo(5 + TokenCounts.ENVELOPE);
        assertThat(counts.of(transcript, 1)).isEqualTo(5 + TokenCounts.ENVELOPE);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aDraftLineReplacedAtTheSameIndexIsCountedAgain() {
        TokenCounts counts = new TokenCounts(words);
        // A turn prepared on the words heard so far, then the person finished their sentence.
        List<Line> draft = List.of(said(0, "hello there"), said(1, "we ship"));
        List<Line> said = List.of(said(0, "hello there"), said(1, "we ship every second week unless the audit is late"));
        assertThat(counts.of(draft, 1)).isEqualTo(2 + TokenCounts.ENVELOPE);
        assertThat(counts.of(said, 1)).isEqualTo(10 + TokenCounts.ENVELOPE);
        assertThat(counts.of(said, 0)).isEqualTo(2 + TokenCounts.ENVELOPE);
    }
}
