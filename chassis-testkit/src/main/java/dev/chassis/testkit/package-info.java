/** Test kit for Chassis users and for Chassis itself: a simulated model server, scripted models, synthetic participants. */
package dev.chassis.testkit;
