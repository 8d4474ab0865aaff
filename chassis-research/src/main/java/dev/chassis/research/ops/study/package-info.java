/**
 * A study definition: the YAML file that names the guide, the participant pool, the screener, the
 * schedule and the quality rules of a research-operations run, checked against the pool it names with
 * errors located in the study file.
 */
package dev.chassis.research.ops.study;
