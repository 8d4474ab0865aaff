package dev.chassis.server.http;

/**
 * A request that cannot be served, with the status and code the client gets. Thrown by handlers and
 * access checks; turned into an {@link ApiError} body, never a stack trace.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException tooMany(String message) {
        return new ApiException(429, "rate_limited", message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "too_large", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ApiError body() {
        return new ApiError(code, getMessage(), status);
    }
}
