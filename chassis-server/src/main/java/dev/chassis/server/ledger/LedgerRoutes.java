package dev.chassis.server.ledger;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.research.ledger.FixProof;
import dev.chassis.research.ledger.TurnEvidence;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import dev.chassis.server.live.Interviews;
import dev.chassis.server.study.SessionInfo;
import dev.chassis.server.study.SessionStore;
import dev.chassis.server.study.Studies;
import dev.chassis.talk.ledger.LedgerRules;
import dev.chassis.talk.ledger.replay.TalkReplayer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mistake ledger over HTTP: {@code GET /api/ledger} lists the incidents whose fixes new sessions keep;
 * {@code POST /api/sessions/{session}/incidents} marks an interviewer's turn as a mistake with a fix, replays
 * the turn before and after, and writes the incident (activating the fix for new sessions) only when the
 * replay proves it: 201 then, 422 with both replays when it does not.
 */
public final class LedgerRoutes {

    /**
     * A researcher's mark on a turn.
     *
     * @param turn      the interviewer's turn, as the transcript numbers turns
     * @param title     what was wrong, in a line
     * @param fix       the fix: {@code {"kind": "steering-rule", "when": ..., "then": ...}} or a staged note
     *                  {@code {"kind": "context-note", "target": "staged", "text": ...}}
     * @param mistake   how to recognise the mistake ({@code directive-is:ask}, {@code output-matches:<regex>}); default: the
     *                  directive the turn gets when replayed
     * @param flaggedBy who saw it (default: the researcher)
     */
    public record MarkTurn(Integer turn, String title, Fix fix, String mistake, String flaggedBy) {
    }

    /** The turn as recorded, what it became replayed before and after, and whether the fix is now active. */
    public record Marked(String incident, String verdict, String reason, boolean active, int turn, String input, String recorded,
                         FixProof.Replayed before, Optional<FixProof.Replayed> after) {
    }

    /** One incident in the listing. */
    public record IncidentView(String id, String title, String harness, String flaggedBy, String source, String where, String mistake,
                               List<Fix> fixes) {
        static IncidentView of(Incident i) {
            return new IncidentView(i.id(), i.title(), i.harness(), i.flaggedBy(), i.evidence().source(), i.evidence().where(),
                    i.mistake().kind() + ":" + i.mistake().pattern(), i.fixes());
        }
    }

    private final ServerLedger ledger;
    private final SessionStore sessions;
    private final Studies studies;
    private final Interviews interviews;
    private final int maxBody;

    public LedgerRoutes(ServerLedger ledger, SessionStore sessions, Studies studies, Interviews interviews, int maxBody) {
        this.ledger = ledger;
        this.sessions = sessions;
        this.studies = studies;
        this.interviews = interviews;
        this.maxBody = maxBody;
    }

    public void register(RoutesConfig r) {
        r.get("/api/ledger", ctx -> ctx.json(Map.of("folder", ledger.ledger().folder().getFileName().toString(),
                "incidents", ledger.ledger().incidents().stream().map(IncidentView::of).toList())));
        r.post("/api/sessions/{session}/incidents", this::mark);
    }

    private void mark(Context ctx) {
        SessionInfo session = sessions.get(ctx.pathParam("session"));
        MarkTurn body = Json.body(ctx, MarkTurn.class, maxBody);
        if (body.turn() == null) {
            throw ApiException.badRequest("turn: name the interviewer's turn that was wrong");
        }
        if (body.title() == null || body.title().isBlank()) {
            throw ApiException.badRequest("title: say what was wrong with the turn, in a line");
        }
        Fix fix = checked(body.fix());
        Optional<Mistake> mistake = Optional.ofNullable(body.mistake()).filter(m -> !m.isBlank()).map(LedgerRoutes::mistake);
        Evidence evidence;
        try {
            evidence = TurnEvidence.of(interviews.transcript(session.id()), body.turn(), "turn", Map.of("study", session.study()));
        } catch (InvalidInputException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        TalkReplayer replayer = new TalkReplayer(ledger::replayHarness, studies.guide(session.study()).briefing(session.language(), Map.of()));
        String id = dev.chassis.core.input.Ids.slug("turn-" + body.turn() + "-" + session.id(), 80, "incident");
        if (ledger.ledger().incidents().stream().anyMatch(i -> i.id().equals(id))) {
            throw ApiException.conflict("turn " + body.turn() + " of session " + session.id() + " is already in the ledger as " + id);
        }
        String by = body.flaggedBy() == null || body.flaggedBy().isBlank() ? "researcher" : body.flaggedBy().strip();
        FixProof proof = FixProof.of(id, body.title().strip(), by, evidence, mistake, List.of(fix), replayer, ledger.ledger());
        boolean proven = proof.verdict() == FixProof.Verdict.PROVEN;
        if (proven) {
            ledger.add(proof.incident());
        }
        ctx.status(proven ? 201 : 422).json(new Marked(id, proof.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                proof.reason(), proven, body.turn(), evidence.input(), evidence.output(), proof.before(), proof.after()));
    }

    /** The fixes a live interview can keep: a steering rule, or a note staged before every session. */
    private static Fix checked(Fix fix) {
        return switch (fix) {
            case null -> throw ApiException.badRequest("fix: pick a fix: {\"kind\": \"steering-rule\", \"when\": ..., \"then\": ...} or "
                    + "{\"kind\": \"context-note\", \"target\": \"staged\", \"text\": ...}");
            case Fix.SteeringRule r -> {
                try {
                    LedgerRules.steering(List.of(r));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("fix: " + e.getMessage());
                }
                yield r;
            }
            case Fix.ContextNote n when n.target().equals("staged") -> n;
            case Fix.ContextNote n -> throw ApiException.badRequest("fix.target: an interview's note is staged before the session; "
                    + "use \"staged\", not '" + n.target() + "'");
            case Fix.OutputGuard g -> throw ApiException.badRequest("fix.kind: an interviewer's reply cannot be held back once spoken; "
                    + "use a steering rule (the next turn goes elsewhere) or a staged note");
            case Fix.ToolGuard t -> throw ApiException.badRequest("fix.kind: the interviewer calls no tools; use a steering rule or a staged note");
            case Fix.ToolChange c -> throw ApiException.badRequest("fix.kind: a tool change is code; use a steering rule or a staged note");
        };
    }

    private static Mistake mistake(String written) {
        int colon = written.indexOf(':');
        try {
            if (colon <= 0) {
                throw new IllegalArgumentException("write <kind>:<pattern>, e.g. directive-is:ask or output-matches:<regex>");
            }
            return new Mistake(written.substring(0, colon), written.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("mistake: " + e.getMessage());
        }
    }
}
