package dev.chassis.server.api;

import dev.chassis.research.guide.Guide;
import dev.chassis.server.auth.Access;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * What a participant's link opens besides the WebSocket: {@code GET /api/p/<token>}, the interview's
 * title, consent text and language. Never anything about other sessions or the guide's objectives.
 */
public final class ParticipantRoutes {

    /** What the participant page needs before the interview starts. */
    public record ParticipantView(String session, String title, String consent, String language, List<String> languages, int minutes,
                                  String status) {
    }

    private final SessionStore sessions;
    private final Studies studies;

    public ParticipantRoutes(SessionStore sessions, Studies studies) {
        this.sessions = sessions;
        this.studies = studies;
    }

    public void register(RoutesConfig r) {
        r.get("/api/p/{token}", ctx -> {
            SessionInfo s = sessions.get(ctx.attribute(Access.PARTICIPANT_SESSION));
            Guide g = studies.guide(s.study());
            ctx.json(new ParticipantView(s.id(), g.title(), g.consent(), s.language(), g.languages(), (int) g.duration().toMinutes(),
                    s.status()));
        });
    }
}
