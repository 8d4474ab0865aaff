/**
 * A worker's side of a Chassis run on Temporal: the model calls, tool calls and gate checks of the work
 * harness, done by the harness's own side-effect layer for the run the request names, each answering with the
 * events a local run journals.
 */
package dev.chassis.temporal.activity;
