package dev.chassis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParticipantTokensTest {

    @TempDir
    Path dir;

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration LIFE = Duration.ofDays(14);

    static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void a_token_opens_its_session_until_it_expires() throws Exception {
        Path keys = dir.resolve("participant-links.keys");
        String token = ParticipantTokens.loadOrCreate(keys, LIFE, false, at(T0)).sign("s-abc");
        assertThat(token).startsWith("eyJ").contains(".");
        assertThat(ParticipantTokens.loadOrCreate(keys, LIFE, false, at(T0.plus(Duration.ofDays(13)))).verify(token)).contains("s-abc");
        assertThat(ParticipantTokens.loadOrCreate(keys, LIFE, false, at(T0.plus(Duration.ofDays(15)))).verify(token)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
    }

    @Test
    void a_rotated_key_signs_new_links_while_old_ones_work_until_they_expire() {
        Path keys = dir.resolve("k");
        ParticipantTokens first = ParticipantTokens.loadOrCreate(keys, LIFE, false, at(T0));
        String old = first.sign("s-old");
        ParticipantTokens rotated = ParticipantTokens.loadOrCreate(keys, LIFE, true, at(T0.plus(Duration.ofDays(1))));
        assertThat(rotated.keyIds()).hasSize(2).endsWith(first.keyIds().getFirst());
        String fresh = ParticipantTokens.loadOrCreate(keys, LIFE, false, at(T0.plus(Duration.ofDays(5)))).sign("s-new");
        assertThat(rotated.verify(old)).contains("s-old");
        assertThat(rotated.verify(fresh)).contains("s-new");
        ParticipantTokens later = ParticipantTokens.loadOrCreate(keys, LIFE, false, at(T0.plus(Duration.ofDays(16))));
        assertThat(later.keyIds()).as("the old key signs nothing still valid: dropped").hasSize(1);
        assertThat(later.verify(old)).isEmpty();
        assertThat(later.verify(fresh)).contains("s-new");
    }

    @Test
    void a_report_ticket_is_no_participant_token_and_the_other_way_round() {
        ParticipantTokens t = ParticipantTokens.loadOrCreate(dir.resolve("k"), LIFE, false, at(T0));
        String ticket = t.ticket("onboarding", T0.plusSeconds(120));
        assertThat(t.checkTicket(ticket, "onboarding")).isTrue();
        assertThat(t.checkTicket(ticket, "other")).isFalse();
        assertThat(t.verify(ticket)).isEmpty();
        assertThat(t.checkTicket(t.sign("s-a"), "s-a")).isFalse();
        assertThat(ParticipantTokens.loadOrCreate(dir.resolve("k"), LIFE, false, at(T0.plusSeconds(200))).checkTicket(ticket, "onboarding")).isFalse();
    }

    @Test
    void anything_but_a_token_this_server_signed_opens_nothing() {
        ParticipantTokens t = ParticipantTokens.loadOrCreate(dir.resolve("k"), LIFE, false, at(T0));
        ParticipantTokens other = ParticipantTokens.loadOrCreate(dir.resolve("other"), LIFE, false, at(T0));
        String token = t.sign("s-a");
        for (String bad : new String[] {null, "", "x", "a.b.c", token + "x", token.substring(1), other.sign("s-a"), "x".repeat(2_000),
                SecuritySuite.unsigned(token), SecuritySuite.tampered(token, "s-b")}) {
            assertThat(t.verify(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThatThrownBy(() -> t.sign("../x")).hasMessageStartingWith("session: must be an id");
    }

    /** Token surgery, as an attacker would do it. */
    static final class SecuritySuite {
        static String tampered(String token, String subject) {
            String[] parts = token.split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("\"sub\":\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
            return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "." + parts[2];
        }

        static String unsigned(String token) {
            String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return none + "." + token.split("\\.")[1] + ".";
        }
    }
}
