package dev.chassis.talk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A word built on an objective's word says it where the language writes compounds as one word, and only there. */
class CompoundCoverageTest {

    @Test
    void a_compound_says_its_parts_in_languages_that_write_them_as_one_word() {
        assertThat(CoverageMonitor.shared(Set.of("unternehmenstarif", "einkauf"), Set.of("tarif", "bezahlt"), "de")).containsExactly("tarif");
        assertThat(CoverageMonitor.shared(Set.of("prisplan"), Set.of("pris"), "sv")).containsExactly("pris");
        assertThat(CoverageMonitor.shared(Set.of("account"), Set.of("count"), "en")).isEmpty();
        assertThat(CoverageMonitor.shared(Set.of("tarif"), Set.of("tarif"), "en")).containsExactly("tarif");
    }
}
