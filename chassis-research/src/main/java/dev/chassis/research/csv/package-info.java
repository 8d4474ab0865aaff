/** CSV files a user gives (transcripts, participant pools), read with the line of every row for error messages. */
package dev.chassis.research.csv;
