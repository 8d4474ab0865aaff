package dev.chassis.talk.voice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** μ-law against G.711's known code points, and a round trip within its step at every 16-bit value. */
class MuLawTest {

    @Test
    void known_code_points_match_g711() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32_124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32_124);
    }

    @Test
    void every_sample_comes_back_within_the_step_of_its_segment() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            short back = MuLaw.decode(MuLaw.encode((short) s));
            int step = Math.max(8, Math.abs(s) / 16 + 8);   // a segment's step is 1/16 of its range, doubled each segment
            assertThat(Math.abs(back - Math.max(-32_124, Math.min(32_124, s)))).as("sample %d -> %d", s, back).isLessThanOrEqualTo(step);
        }
    }
}
