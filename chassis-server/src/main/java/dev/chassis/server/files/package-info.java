/**
 * The server's data folder: the one resolver through which every file it writes or reads there goes, so
 * that ids never become paths and nothing lands outside the folder.
 */
package dev.chassis.server.files;
