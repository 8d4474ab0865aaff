package dev.chassis.server.web;

import dev.chassis.server.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the console ({@code /}), the participant page ({@code /p/<token>}, after {@link
 * dev.chassis.server.auth.Access} checked the token) and their assets from {@code web/} in the jar.
 * The console's shell holds no data: it asks for the researcher token and sends it with every API call.
 */
public final class Pages {

    private Pages() {
    }

    public static void register(RoutesConfig r) {
        r.get("/", ctx -> page(ctx, "console.html"));
        r.get("/p/{token}", ctx -> page(ctx, "participant.html"));
        r.get("/assets/{file}", ctx -> {
            String file = ctx.pathParam("file");
            if (!file.matches("[a-z][a-z0-9-]*\\.(js|css|svg|json)")) {
                throw ApiException.notFound("no asset '" + file + "'");
            }
            String type = file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.endsWith(".css") ? "text/css; charset=utf-8"
                    : file.endsWith(".json") ? "application/json; charset=utf-8" : "image/svg+xml";
            serve(ctx, file, type);
        });
    }

    private static void page(Context ctx, String name) {
        ctx.header("Cache-Control", "no-store");
        serve(ctx, name, "text/html; charset=utf-8");
    }

    private static void serve(Context ctx, String name, String type) {
        try (InputStream in = Pages.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw ApiException.notFound("no asset '" + name + "'");
            }
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
