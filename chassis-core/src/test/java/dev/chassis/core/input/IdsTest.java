package dev.chassis.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "onboarding-2025", "s-abcdefghijkm", "a-", "a--b"})
    void ids(String id) {
        assertThat(Ids.valid(id)).isTrue();
        assertThat(Ids.check("study", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../../..", "..", ".", "~", "~root", "a/b", "a\\b", "C:x", "A", "a.b", "-a", "a b", "a\u0000",
            "a\n", "a_b", "é", "a%2Fb"})
    void not_ids(String id) {
        assertThat(Ids.valid(id)).isFalse();
        assertThatThrownBy(() -> Ids.check("run", id)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("run: must be an id of");
    }

    @Test
    void null_and_long_ids_are_not_ids() {
        assertThat(Ids.valid(null)).isFalse();
        assertThat(Ids.valid("a".repeat(100))).isTrue();
        assertThat(Ids.valid("a".repeat(101))).isFalse();
        assertThatThrownBy(() -> Ids.check("session", null)).hasMessageEndingWith("was missing");
    }

    @Test
    void a_bad_id_is_shown_printable() {
        assertThatThrownBy(() -> Ids.check("session", "a\u0000b\u202e")).hasMessageEndingWith("was 'a\\u0000b\\u202e'");
        assertThat(Ids.printable("x".repeat(200))).hasSize(123).endsWith("...");
    }

    @Test
    void free_text_becomes_an_id() {
        assertThat(Ids.slug("Triage My Feedback!", 100, "run")).isEqualTo("triage-my-feedback");
        assertThat(Ids.slug("../../etc", 100, "run")).isEqualTo("etc");
        assertThat(Ids.slug("¿¿", 100, "run")).isEqualTo("run");
        assertThat(Ids.slug("abc-def", 4, "run")).isEqualTo("abc");
        assertThat(Ids.valid(Ids.slug("x".repeat(300), 500, "run"))).isTrue();
    }
}
