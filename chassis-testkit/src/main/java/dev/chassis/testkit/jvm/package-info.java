/**
 * Child JVMs for tests that kill and restart a process: {@link dev.chassis.testkit.jvm.ChildJvm} starts them from
 * the test's own class path with the classes they load shared between starts.
 */
package dev.chassis.testkit.jvm;
