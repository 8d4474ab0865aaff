/**
 * The JSON API under {@code /api}: studies, sessions, runs and reports, with one error shape for every
 * failure ({@link dev.chassis.server.http.ApiError}) and request bodies read strictly.
 */
package dev.chassis.server.api;

