package dev.chassis.server.api;

import dev.chassis.core.input.Ids;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.live.Interviews;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.server.study.StudyQuality;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sessions: list with status and quality flags, one session with its link, its transcript, its live state and its kept audio. */
public final class SessionRoutes {

    /** A session in a listing. */
    public record SessionSummary(SessionInfo session, int answers, List<QualityFlag> flags) {
    }

    /** One session, with its participant link (researchers may copy it again). */
    public record SessionDetail(SessionInfo session, String link, List<QualityFlag> flags) {
    }

    private final SessionStore sessions;
    private final Studies studies;
    private final Interviews interviews;
    private final ParticipantTokens links;

    public SessionRoutes(SessionStore sessions, Studies studies, Interviews interviews, ParticipantTokens links) {
        this.sessions = sessions;
        this.studies = studies;
        this.interviews = interviews;
        this.links = links;
    }

    public void register(RoutesConfig r) {
        r.get("/api/sessions", this::list);
        r.get("/api/sessions/{session}", ctx -> {
            SessionInfo s = sessions.get(ctx.pathParam("session"));
            List<QualityFlag> flags = flags(sessions.list(s.study())).getOrDefault(s.id(), List.of());
            ctx.json(new SessionDetail(s, ctx.scheme() + "://" + ctx.host() + "/p/" + links.sign(s.id()), flags));
        });
        r.get("/api/sessions/{session}/transcript", ctx -> ctx.json(interviews.transcript(sessions.get(ctx.pathParam("session")).id())));
        r.get("/api/sessions/{session}/state", ctx -> ctx.json(interviews.view(sessions.get(ctx.pathParam("session")).id())));
        r.get("/api/sessions/{session}/audio/{turn}/{track}", this::audio);
    }

    /** A turn's kept audio as a WAV file: the participant's answer that began it, or the interviewer's reply. */
    private void audio(Context ctx) {
        String id = sessions.get(ctx.pathParam("session")).id();
        String turn = ctx.pathParam("turn");
        if (!turn.matches("\\d{1,9}")) {
            throw ApiException.badRequest("the turn in the path is '" + Ids.printable(turn) + "': give a turn number (0 is the opening)");
        }
        dev.chassis.server.live.AudioClip clip = interviews.audio(id, Integer.parseInt(turn), ctx.pathParam("track"));
        ctx.contentType("audio/wav");
        ctx.header("Content-Length", String.valueOf(clip.wavBytes()));   // a player can tell its length before it has it all
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + "-turn" + turn + "-" + ctx.pathParam("track") + ".wav\"");
        ctx.result(clip.wav());
    }

    private void list(Context ctx) {
        String study = ctx.queryParam("study");
        if (study != null) {
            studies.get(study);
        }
        List<SessionInfo> of = sessions.list(study);
        Map<String, List<QualityFlag>> flags = flags(of);
        List<SessionSummary> out = new ArrayList<>();
        for (SessionInfo s : of) {
            int answers = interviews.state(s.id()).map(st -> st.turn()).orElse(0);
            out.add(new SessionSummary(s, answers, flags.getOrDefault(s.id(), List.of())));
        }
        ctx.json(out);
    }

    /**
     * Flags for the sessions that have begun, checked per study (the copied-answer check compares sessions of
     * the same study with each other).
     */
    private Map<String, List<QualityFlag>> flags(List<SessionInfo> of) {
        Map<String, List<Transcript>> byStudy = new java.util.LinkedHashMap<>();
        for (SessionInfo s : of) {
            if (!s.status().equals("invited")) {
                interviews.state(s.id()).ifPresent(st -> byStudy.computeIfAbsent(s.study(), k -> new ArrayList<>())
                        .add(dev.chassis.server.live.SessionTranscripts.of(st, s.participant())));
            }
        }
        Map<String, List<QualityFlag>> out = new java.util.HashMap<>();
        byStudy.values().forEach(ts -> out.putAll(StudyQuality.flags(ts)));
        return out;
    }
}
