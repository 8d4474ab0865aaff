package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChassisCommandTest {

    @Test
    void help_lists_the_commands() {
        CliRunner r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: chassis").contains("help");
    }

    @Test
    void version_names_the_build_and_the_java_runtime() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("chassis 0.").contains("Java ");
    }

    @Test
    void an_unknown_command_is_one_clear_error_with_a_hint() {
        CliRunner r = CliRunner.run("demoo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Unmatched argument at index 0: 'demoo'").contains("--help");
        assertThat(r.err()).doesNotContain("Exception");
    }
}
