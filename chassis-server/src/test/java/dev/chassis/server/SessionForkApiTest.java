package dev.chassis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session forked at a turn over the API: with the ledger as it is now the fork goes elsewhere where the fix applies, a
 * synthetic participant carries on, and both transcripts come back side by side with their signals.
 */
class SessionForkApiTest {

    static final String MOVE_ON = """
            {"turn": 3, "title": "Pressed on a sore subject", "fix": {"kind": "steering-rule", "when": "answer~(?i)sore subject",
             "then": "move-on", "reason": "leave a sore subject"}}""";

    @Test
    void a_session_forked_at_the_bad_turn_goes_elsewhere_once_the_fix_is_in_the_ledger(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.start(dir)) {
            String[] created = s.newSession(LedgerApiTest.study(s));
            String session = created[0];
            LedgerApiTest.directiveAfterRefusal(s, created);
            assertThat(s.json("GET", "/api/personas", null).toString()).contains("contradicting-founder");

            JsonNode before = s.json("POST", "/api/sessions/" + session + "/forks", "{\"turn\": 3, \"persona\": \"contradicting-founder\"}");
            assertThat(before.path("lines").get(2).path("differs").asBoolean()).as("no fix yet: turn 3 comes out as it did").isFalse();
            assertThat(before.path("answeredBy").asText()).isEqualTo("persona contradicting-founder");

            assertThat(s.call("POST", "/api/sessions/" + session + "/incidents", MOVE_ON).statusCode()).isEqualTo(201);
            JsonNode after = s.json("POST", "/api/sessions/" + session + "/forks", "{\"turn\": 3, \"persona\": \"contradicting-founder\"}");
            assertThat(after.path("divergesAt").asInt()).isEqualTo(3);
            JsonNode lines = after.path("lines");
            assertThat(lines.get(0).path("differs").asBoolean()).isFalse();
            assertThat(lines.get(1).path("recorded").asText()).contains("sore subject");
            assertThat(lines.get(2).path("speaker").asText()).isEqualTo("interviewer");
            assertThat(lines.get(2).path("recorded").asText()).contains("sore subject");
            assertThat(lines.get(2).path("forked").asText()).doesNotContain("sore subject");
            assertThat(lines.get(3).path("recorded").asText()).as("the recording ends here").isEmpty();
            assertThat(lines.get(3).path("forked").asText()).as("the persona answers on").isNotEmpty();
            assertThat(after.has("recordedSignals")).isTrue();
            assertThat(after.path("forkedSignals").isObject()).isTrue();

            JsonNode plain = s.json("POST", "/api/sessions/" + session + "/forks", "{\"turn\": 3, \"withoutLedger\": true}");
            assertThat(plain.path("lines").get(2).path("differs").asBoolean()).isFalse();
            assertThat(plain.path("answeredBy").asText()).isEqualTo("the recorded answers");

            assertError(s.call("POST", "/api/sessions/" + session + "/forks", "{\"turn\": 2}"), "participant's");
            assertError(s.call("POST", "/api/sessions/" + session + "/forks", "{\"turn\": 3, \"persona\": \"../guides/onboarding-en\"}"),
                    "no example persona");
            assertError(s.call("POST", "/api/sessions/" + session + "/forks", "{\"model\": \"nosuch:engine\"}"), "cannot be used");
        }
    }

    private static void assertError(HttpResponse<String> r, String says) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(says).doesNotContain("Exception");
    }
}
