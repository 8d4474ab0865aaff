/**
 * Small deterministic text tools shared by the harnesses and the offline engine: word splitting,
 * stopwords and key terms. Language-aware where it is cheap to be.
 */
package dev.chassis.core.text;
