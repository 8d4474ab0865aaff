/**
 * Scheduling sessions across time zones: participants' weekly availability in their own zone, the
 * researchers' hours in theirs, first-fit slots, and iCalendar invites written with ical4j.
 */
package dev.chassis.research.ops.schedule;
