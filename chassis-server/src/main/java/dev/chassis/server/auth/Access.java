package dev.chassis.server.auth;

import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Limits;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The checks every request passes before its handler: security headers, the body-size limit, and who
 * the caller is. Three kinds of path:
 * <ul>
 *   <li>participant paths ({@code /p/<token>}, {@code /api/p/<token>}, {@code /ws/p/<token>}): the token must
 *       be genuine and within its rate limit; it opens its own session and nothing else;</li>
 *   <li>public paths ({@code /health}, the console's static shell, its assets and the chart library, and the
 *       ticketed report view): they hold no data, and are matched exactly ({@link #isPublic});</li>
 *   <li>every other path ({@code /api/}, {@code /metrics}, and any path no route serves): the researcher's bearer
 *       token; a participant token there is refused with 403.</li>
 * </ul>
 * Failed attempts are rate-limited per client address, which slows guessing. Thread-safe.
 */
public final class Access {

    /** The request attribute holding the session a participant token opened. */
    public static final String PARTICIPANT_SESSION = "chassis.participant.session";

    private final ResearcherToken researcher;
    private final ParticipantTokens links;
    private final RateLimits participants;
    private final RateLimits failures;
    private final int maxBodyBytes;

    public Access(ResearcherToken researcher, ParticipantTokens links, int participantPerMinute, int failedPerMinute, int maxBodyBytes) {
        this.researcher = researcher;
        this.links = links;
        this.participants = new RateLimits("participant", participantPerMinute);
        this.failures = new RateLimits("failed-authentication", failedPerMinute);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The before-handler for every HTTP request (WebSocket upgrades included). */
    public void check(Context ctx) {
        headers(ctx);
        Limits.checkDeclared(ctx, maxBodyBytes);
        String path = ctx.path();
        Optional<String> participantToken = participantToken(path);
        if (participantToken.isPresent()) {
            ctx.attribute(PARTICIPANT_SESSION, participant(ctx, participantToken.get()));
        } else if (!isPublic(path)) {
            researcher(ctx);
        }
    }

    /**
     * Whether a path is one of the few that hold no data and need no token. Matched exactly, segment by segment:
     * everything else needs the researcher token, also paths no route serves ({@code /metrics/}, {@code /METRICS},
     * {@code /health/x}), so a new route or a variant spelling is closed until it is listed here.
     */
    static boolean isPublic(String path) {
        return switch (path) {
            case "/", "/health" -> true;
            default -> oneSegmentUnder(path, "/assets/") || oneSegmentUnder(path, "/reports/")   // a report view checks its ticket
                    || path.startsWith("/webjars/") && !path.contains("..");                        // the chart library
        };
    }

    private static boolean oneSegmentUnder(String path, String prefix) {
        return path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0;
    }

    /** The session a participant token opens; refuses bad tokens and links over their rate. */
    public String participant(Context ctx, String token) {
        Optional<String> session = links.verify(token);
        if (session.isEmpty()) {
            failed(ctx);
            throw ApiException.unauthorized("this participant link is not valid");
        }
        if (!participants.tryAcquire(session.get())) {
            throw ApiException.tooMany("too many requests from this link; wait a moment and try again");
        }
        return session.get();
    }

    /** Whether a participant's WebSocket message is within its link's rate. */
    public boolean participantMessageAllowed(String session) {
        return participants.tryAcquire(session);
    }

    private void researcher(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            failed(ctx);
            ctx.header("WWW-Authenticate", "Bearer realm=\"chassis\"");
            throw ApiException.unauthorized("this endpoint needs the researcher token: send 'Authorization: Bearer <token>'");
        }
        String token = header.substring(7).strip();
        if (researcher.matches(token)) {
            return;
        }
        failed(ctx);
        if (links.verify(token).isPresent()) {
            throw ApiException.forbidden("a participant link opens its own interview only, not the researcher API");
        }
        ctx.header("WWW-Authenticate", "Bearer realm=\"chassis\", error=\"invalid_token\"");
        throw ApiException.unauthorized("the bearer token is not valid");
    }

    private void failed(Context ctx) {
        if (!failures.tryAcquire(ctx.ip())) {
            throw ApiException.tooMany("too many failed attempts from this address; wait a minute");
        }
    }

    /** The token in a participant path, if the path is exactly one ({@code /p/<token>}, {@code /api/p/<token>}, {@code /ws/p/<token>}). */
    static Optional<String> participantToken(String path) {
        for (String prefix : new String[] {"/p/", "/api/p/", "/ws/p/", "/ws/phone/"}) {
            if (oneSegmentUnder(path, prefix)) {
                return Optional.of(path.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * Headers for every response. {@code no-referrer} matters most: a participant's link carries their
     * token, and it must never travel to another site in a Referer header.
     */
    private static void headers(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/p/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
