package dev.chassis.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Request size limits, checked on the declared length and again while reading (a chunked body has none). */
public final class Limits {

    private Limits() {
    }

    /** Refuses a request whose declared body is over {@code maxBytes}. */
    public static void checkDeclared(Context ctx, int maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw ApiException.tooLarge("the request body is " + declared + " bytes; the limit is " + maxBytes);
        }
    }

    /** Reads the body, stopping at {@code maxBytes}. */
    static byte[] body(Context ctx, int maxBytes) {
        checkDeclared(ctx, maxBytes);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw ApiException.tooLarge("the request body is over the limit of " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read");
        }
    }
}
