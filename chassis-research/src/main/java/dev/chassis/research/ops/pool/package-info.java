/** The participant pool: people who may be recruited, read from a CSV file with located errors. */
package dev.chassis.research.ops.pool;
