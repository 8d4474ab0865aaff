package dev.chassis.core.model;

/**
 * The caller's structured intent for one model call: what the harness wants this reply to do.
 *
 * <p>A harness defines its own intent types (the talk harness a directive, the work harness a step).
 * A real model sees {@link #render()} as an instruction; the offline engine reads the structured form
 * through an {@link OfflineRealiser} registered for the type.
 */
public interface Intent {

    /** The intent as an instruction a language model can follow. */
    String render();
}
