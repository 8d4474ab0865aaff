package dev.chassis.models;

import java.util.Optional;

/**
 * How to use one engine, for help output.
 *
 * @param form        the model string form
 * @param example     a working example
 * @param keyVariable the environment variable holding its API key, if it needs one
 * @param notes       one line on what it is good for
 */
public record EngineInfo(String form, String example, Optional<String> keyVariable, String notes) { }
