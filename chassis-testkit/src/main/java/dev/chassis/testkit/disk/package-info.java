/**
 * Storage faults for tests: {@link dev.chassis.testkit.disk.SmallDisk} mounts a small file system that a
 * test can fill up or make read-only while a journal or a server writes to it.
 */
package dev.chassis.testkit.disk;
