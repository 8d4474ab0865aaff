/**
 * Research reports: one self-contained HTML file (charts drawn by Chart.js, inlined from its WebJar so
 * the file works offline and can be mailed) and a Markdown version, both from a
 * {@link dev.chassis.research.synthesis.Synthesis} and the quality flags of the sessions.
 */
package dev.chassis.research.report;
