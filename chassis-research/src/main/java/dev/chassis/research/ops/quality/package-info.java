/**
 * Session quality: flags low-engagement, low-effort and likely-fraudulent sessions, each with the
 * evidence (turns, counts, timings) a researcher needs to decide whether to keep the session.
 */
package dev.chassis.research.ops.quality;
