/** Implementation of runs: the local activity layer and the run engine. Not an API: use {@link dev.chassis.work.WorkHarness}. */
package dev.chassis.work.internal;
