package dev.chassis.server;

import static dev.chassis.server.WsClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.server.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's ledger: its fixes apply to every new interview (a per-server default), and a researcher
 * records a mistake from a session's turn over the API; the fix is written and active for new sessions
 * only when the replay proves it.
 */
class LedgerApiTest {

    private static final String GUIDE = """
            study: ledger-test
            title: How teams start
            minutes: 10
            objectives:
              - id: start
                title: Getting started
                priority: 5
                share: 0.5
                questions: ["How did you and your team first set up the app?", "What was the first thing you tried to do with it?"]
                keywords: [setup, start, invite]
              - id: value
                title: When it became useful
                priority: 4
                share: 0.5
                questions: ["When did the app first feel useful to you?"]
                keywords: [useful, value]
            """;
    // a reluctance the built-in refusal reading does not take as a refusal (a plain "I'd rather not" it respects itself)
    private static final String REFUSAL = "How we set it up is a sore subject for me, to be honest.";
    private static final String MOVE_ON = """
            {"turn": 3, "title": "Asked on after she declined", "fix": {"kind": "steering-rule", "when": "answer~(?i)sore subject",
             "then": "move-on", "reason": "a refusal is final"}}""";

    @Test
    void a_mistake_marked_on_a_turn_is_proven_by_replay_and_new_sessions_keep_its_fix(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String study = study(s);
            String[] firstSession = s.newSession(study);
            String first = firstSession[0];
            String mistake = directiveAfterRefusal(s, firstSession);   // pressing on the sore subject, whatever the directive
            assertThat(mistake).as("the mistake, before any fix").isIn("ask", "probe");

            HttpResponse<String> note = s.call("POST", "/api/sessions/" + first + "/incidents", """
                    {"turn": 3, "title": "Asked on after she declined", "fix": {"kind": "context-note", "target": "staged", "text": "Respect refusals."}}""");
            assertThat(note.statusCode()).as(note.body()).isEqualTo(422);
            JsonNode refused = TestServer.read(note.body());
            assertThat(refused.path("verdict").asText()).isEqualTo("not-prevented");
            assertThat(refused.path("active").asBoolean()).isFalse();
            assertThat(refused.path("before").path("directive").asText()).isEqualTo(mistake);
            assertThat(ledgerFiles(dir)).isZero();

            HttpResponse<String> marked = s.call("POST", "/api/sessions/" + first + "/incidents", MOVE_ON);
            assertThat(marked.statusCode()).as(marked.body()).isEqualTo(201);
            JsonNode m = TestServer.read(marked.body());
            assertThat(m.path("verdict").asText()).isEqualTo("proven");
            assertThat(m.path("active").asBoolean()).isTrue();
            assertThat(m.path("input").asText()).isEqualTo(REFUSAL);
            assertThat(m.path("before").path("directive").asText()).isEqualTo(mistake);
            assertThat(m.path("after").path("directive").asText()).isEqualTo("moveon");
            assertThat(ledgerFiles(dir)).isOne();
            assertThat(s.json("GET", "/api/ledger", null).path("incidents").get(0).path("mistake").asText()).isEqualTo("directive-is:" + mistake);

            assertThat(directiveAfterRefusal(s, s.newSession(study))).as("a new session keeps the fix").isEqualTo("moveon");
            assertThat(s.call("POST", "/api/sessions/" + first + "/incidents", MOVE_ON).statusCode()).as("the same turn twice").isEqualTo(409);
        }
    }

    @Test
    void a_server_started_with_a_ledger_applies_it_to_every_interview(@TempDir Path dir) throws Exception {
        Path ledger = Files.createDirectories(dir.resolve("team-ledger"));
        Files.writeString(ledger.resolve("pressed-on-a-sore-subject.yaml"), """
                title: Pressed on after the participant said the topic was a sore subject
                harness: talk
                at: 2026-12-01T09:00:00Z
                flaggedBy: researcher
                evidence: {source: session-3, where: turn 1, input: "How we set it up is a sore subject for me, to be honest."}
                mistake: {kind: directive-is, pattern: probe}
                fixes:
                - !<steering-rule>
                  when: answer~(?i)sore subject
                  then: move-on
                  reason: leave a sore subject
                """);
        try (TestServer s = TestServer.start(TestServer.config(dir.resolve("data")).withLedger(ledger), null)) {
            assertThat(directiveAfterRefusal(s, s.newSession(study(s)))).isEqualTo("moveon");
            assertThat(s.json("GET", "/api/ledger", null).path("incidents").get(0).path("id").asText()).isEqualTo("pressed-on-a-sore-subject");
        }
    }

    @Test
    void a_mark_the_server_cannot_use_is_one_clear_error(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] created = s.newSession(study(s));
            String session = created[0];
            directiveAfterRefusal(s, created);
            HttpResponse<String> participantTurn = s.call("POST", "/api/sessions/" + session + "/incidents", MOVE_ON.replace("\"turn\": 3", "\"turn\": 2"));
            assertThat(participantTurn.statusCode()).isEqualTo(400);
            assertThat(participantTurn.body()).contains("participant's");
            HttpResponse<String> guard = s.call("POST", "/api/sessions/" + session + "/incidents",
                    "{\"turn\": 3, \"title\": \"t\", \"fix\": {\"kind\": \"output-guard\", \"pattern\": \"x\"}}");
            assertThat(guard.statusCode()).isEqualTo(400);
            assertThat(guard.body()).contains("cannot be held back once spoken");
            HttpResponse<String> typo = s.call("POST", "/api/sessions/" + session + "/incidents", MOVE_ON.replace("move-on", "jump"));
            assertThat(typo.statusCode()).isEqualTo(400);
            assertThat(typo.body()).contains("unknown 'then' directive 'jump'");
            assertThat(ledgerFiles(dir)).isZero();
        }
    }

    static String study(TestServer s) {
        return s.json("POST", "/api/studies", Json.write(Map.of("guideYaml", GUIDE, "source", "ledger-test.yaml"))).path("study").path("id").asText();
    }

    /** Interviews a participant who declines at once; the directive of the interviewer's reply. */
    static String directiveAfterRefusal(TestServer s, String[] created) throws Exception {
        String session = created[0];
        try (WsClient ws = new WsClient(s.base(), created[1])) {
            ws.await(type("hello"), 60);
            ws.send("{\"type\":\"start\"}");
            ws.await(type("agent-end"), 60);
            ws.send("{\"type\":\"say\",\"text\":\"" + REFUSAL + "\"}");
            ws.await(type("agent-end"), 60);
        }
        for (JsonNode d : s.json("GET", "/api/sessions/" + session + "/state", null).path("directives")) {
            if (d.path("turn").asInt() == 1) {
                return d.path("kind").asText();
            }
        }
        throw new AssertionError("no directive at turn 1 of " + session);
    }

    private static long ledgerFiles(Path data) throws java.io.IOException {
        try (Stream<Path> f = Files.list(data.resolve("ledger"))) {
            return f.count();
        }
    }
}
