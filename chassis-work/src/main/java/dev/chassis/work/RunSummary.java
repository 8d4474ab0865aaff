package dev.chassis.work;

import java.time.Instant;
import java.util.Optional;

/** One line about a run, for listings. {@code status} is running, paused, succeeded or failed. */
public record RunSummary(String runId, String workflow, String status, Instant startedAt, int stepsDone, int steps, double cost,
                         Optional<String> forkOf) { }
