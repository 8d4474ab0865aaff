/**
 * The {@code chassis} command: picocli commands, one per file, registered on {@link dev.chassis.cli.ChassisCommand}.
 * Errors a user can fix are printed as one line (see {@link dev.chassis.cli.CliErrors}); never a stack trace.
 */
package dev.chassis.cli;
