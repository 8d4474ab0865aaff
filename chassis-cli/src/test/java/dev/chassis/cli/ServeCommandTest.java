package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @Test
    void the_first_start_prints_the_console_url_and_the_token_once(@TempDir Path dir) {
        CliRunner first = CliRunner.run("serve", "--port", "0", "--data", dir.toString(), "--exit-after-start");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("Console:  http://127\\.0\\.0\\.1:\\d+/#token=chr_[A-Za-z0-9_-]{43}")
                .containsPattern("Token:    chr_");
        CliRunner second = CliRunner.run("serve", "--port", "0", "--data", dir.toString(), "--exit-after-start");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("sign in with the researcher token printed on the first start").doesNotContain("chr_");
    }

    @Test
    void a_database_url_is_printed_without_its_credentials() {
        assertThat(ServeCommand.redact("jdbc:postgresql://db:5432/chassis?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/chassis (parameters hidden)");
    }

    @Test
    void an_unreachable_database_is_a_one_line_error(@TempDir Path dir) {
        CliRunner r = CliRunner.run("serve", "--port", "0", "--data", dir.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/nothing?password=secret",
                "--exit-after-start");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).startsWith("error: ").contains("cannot open the journal database").doesNotContain("secret");
    }

    @Test
    void the_idle_timeout_takes_seconds_minutes_hours_or_iso_and_must_be_positive() {
        ServeCommand.IdleTimeout parse = new ServeCommand.IdleTimeout();
        assertThat(parse.convert("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(parse.convert("45m")).isEqualTo(java.time.Duration.ofMinutes(45));
        assertThat(parse.convert("2h")).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(parse.convert("PT30M")).isEqualTo(java.time.Duration.ofMinutes(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse.convert("0s")).hasMessage("the idle timeout must be positive, was '0s'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse.convert("soon"))
                .hasMessage("'soon' is not a duration; write it as 90s, 45m, 2h or PT30M");
    }

    @Test
    void serve_accepts_an_idle_timeout_and_refuses_a_bad_one(@TempDir Path dir) {
        CliRunner ok = CliRunner.run("serve", "--port", "0", "--data", dir.toString(), "--idle-timeout", "5m", "--exit-after-start");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        CliRunner bad = CliRunner.run("serve", "--port", "0", "--data", dir.toString(), "--idle-timeout", "0s", "--exit-after-start");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--idle-timeout").contains("the idle timeout must be positive");
    }
}
