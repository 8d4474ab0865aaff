package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.server.ops.RunInvitations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server run's invitations carry each participant's own signed link, on the address participants reach. */
class InvitationsTest {

    @TempDir
    Path dir;

    private ParticipantTokens tokens() {
        return ParticipantTokens.loadOrCreate(dir.resolve("keys"), Duration.ofDays(14), false, Clock.systemUTC());
    }

    @Test
    void the_link_is_the_participants_signed_link_on_the_public_address() {
        ParticipantTokens tokens = tokens();
        RunInvitations d = Invitations.of(Map.of("CHASSIS_PUBLIC_URL", "https://interviews.example.org"), () -> URI.create("http://127.0.0.1:7070/"), tokens);
        String link = d.link().apply("s-01");
        assertThat(link).startsWith("https://interviews.example.org/p/").doesNotContain("placeholder");
        assertThat(tokens.verify(link.substring(link.lastIndexOf('/') + 1))).contains("s-01");
        assertThat(d.mailer()).isEmpty();   // no CHASSIS_SMTP_HOST: files only
    }

    @Test
    void without_a_public_address_the_link_is_where_the_server_listens_and_a_bad_one_is_named() {
        RunInvitations d = Invitations.of(Map.of(), () -> URI.create("http://127.0.0.1:7070/"), tokens());
        assertThat(d.link().apply("s-01")).startsWith("http://127.0.0.1:7070/p/");
        assertThatThrownBy(() -> Invitations.of(Map.of("CHASSIS_PUBLIC_URL", "interviews"), () -> URI.create("http://x/"), tokens()))
                .hasMessageContaining("CHASSIS_PUBLIC_URL");
        assertThat(Invitations.of(Map.of("CHASSIS_SMTP_HOST", "127.0.0.1", "CHASSIS_SMTP_TLS", "none"), () -> URI.create("http://x/"), tokens())
                .mailer()).hasValueSatisfying(m -> assertThat(m.describe()).isEqualTo("smtp://127.0.0.1:587 (none)"));
    }
}
