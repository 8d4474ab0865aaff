package dev.chassis.server.http;

/**
 * The body of every error response: a stable machine-readable {@code error} code, a sentence for
 * people, and the HTTP status again for clients that only see the body.
 */
public record ApiError(String error, String message, int status) {
}
