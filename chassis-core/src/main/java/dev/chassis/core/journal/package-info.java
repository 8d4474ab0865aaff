/**
 * Journal SPIs: where harnesses append what happened so a session or a run can resume after a crash.
 * Implementations: in-memory and file-backed in the harness modules, JDBC in {@code chassis-store}.
 */
package dev.chassis.core.journal;
