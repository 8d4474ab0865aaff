package dev.chassis.server.http;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InputMessages;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.JournalUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@link ApiError} JSON body: expected ones with their status and message,
 * unexpected ones as a 500 with an incident id (the details go to the log, not to the client).
 */
public final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    public static void install(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> send(ctx, e.body()));
        routes.exception(InvalidInputException.class, (e, ctx) -> send(ctx, new ApiError("invalid_input",
                InputMessages.clean(e.getMessage(), "the input is not valid"), 400)));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, new ApiError(code(e.getStatus()), message(e), e.getStatus())));
        routes.exception(java.nio.file.InvalidPathException.class, (e, ctx) -> send(ctx, new ApiError("bad_request",
                "a name in this request cannot be a file name", 400)));
        // a storage fault is the server's, said in plain words; the store logs it once, not per request
        routes.exception(JournalUnavailableException.class, (e, ctx) -> send(ctx, unavailable(e.reason())));
        routes.exception(java.io.UncheckedIOException.class, (e, ctx) -> StorageProblem.of(e)
                .ifPresentOrElse(p -> send(ctx, unavailable(p)), () -> incident(e, ctx)));
        routes.exception(Exception.class, Errors::incident);
        routes.error(404, ctx -> {
            if (ctx.result() == null) {
                send(ctx, new ApiError("not_found", "no endpoint " + ctx.method() + " " + Ids.printable(ctx.path()), 404));
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null) {
                send(ctx, new ApiError("method_not_allowed", "method " + ctx.method() + " is not allowed on " + Ids.printable(ctx.path()), 405));
            }
        });
        for (int status : new int[] {400, 408, 413, 414, 415, 431, 500, 501, 503}) {   // any other status Javalin sets without a body
            routes.error(status, ctx -> {
                if (ctx.result() == null) {
                    send(ctx, JettyErrors.error(status, ""));
                }
            });
        }
    }

    private static void incident(Exception e, Context ctx) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("incident {} on {} {}", incident, ctx.method(), redact(ctx.path()), e);
        send(ctx, new ApiError("internal", "the server failed on this request (incident " + incident + ", see the server log)", 500));
    }

    private static ApiError unavailable(String problem) {
        return new ApiError("storage_unavailable", "the server cannot save right now: " + problem + "; try again in a moment", 503);
    }

    static void send(Context ctx, ApiError error) {
        ctx.status(error.status());
        ctx.contentType("application/json");
        ctx.result(Json.write(error));
    }

    private static String message(HttpResponseException e) {
        return InputMessages.clean(e.getMessage(), code(e.getStatus()).replace('_', ' '));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> "http_" + status;
        };
    }

    /** A path fit for a log: the token of a participant path ({@code /p/}, {@code /api/p/}, {@code /ws/p/}) becomes {@code <token>}. */
    static String redact(String path) {
        return path.replaceAll("^(/(?:api/|ws/)?p/|/ws/phone/)[^/]+$", "$1<token>");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
