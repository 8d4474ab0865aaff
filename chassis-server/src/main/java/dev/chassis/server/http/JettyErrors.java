package dev.chassis.server.http;

import dev.chassis.core.input.InputMessages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors the web server answers by itself, before a request reaches a route (a path too long, headers too
 * large, a malformed or ambiguous path, a body over the limit): the same JSON {@link ApiError} as every other
 * error instead of the server's HTML page, and never the server's own wording when it names its insides.
 */
public final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        ApiError error = error(code, message);
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
        response.write(true, ByteBuffer.wrap(Json.write(error).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** An HTTP/1 request so malformed that no request object exists (headers too large, a broken request line). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(Json.write(error(status, reason)).getBytes(StandardCharsets.UTF_8));
    }

    static ApiError error(int status, String serverMessage) {
        return switch (status) {
            case 400 -> new ApiError("bad_request", "the request could not be read: its address or headers are malformed"
                    + detail(serverMessage), 400);
            case 404 -> new ApiError("not_found", "nothing is served at this address", 404);
            case 405 -> new ApiError("method_not_allowed", "this method is not allowed here", 405);
            case 408 -> new ApiError("timeout", "the request took too long to arrive", 408);
            case 413 -> new ApiError("too_large", "the request body is over the server's limit", 413);
            case 414 -> new ApiError("uri_too_long", "the address is too long", 414);
            case 415 -> new ApiError("unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'", 415);
            case 431 -> new ApiError("headers_too_large", "the request's headers are too large", 431);
            case 503 -> new ApiError("unavailable", "the server is starting or stopping; try again in a moment", 503);
            default -> status >= 500 ? new ApiError("internal", "the server failed on this request", status)
                    : new ApiError("http_" + status, "the request was refused" + detail(serverMessage), status);
        };
    }

    private static String detail(String serverMessage) {
        String clean = InputMessages.clean(serverMessage, "");
        return clean.isEmpty() || clean.equalsIgnoreCase("Bad Request") ? "" : " (" + clean.toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
