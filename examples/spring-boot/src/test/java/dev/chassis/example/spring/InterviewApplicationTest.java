package dev.chassis.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example over real HTTP: an interview's opening and one answered turn, then health and metrics as Actuator serves them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:example-interviews;DB_CLOSE_DELAY=-1")
class InterviewApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;

    @Test
    void an_interview_turn_runs_over_http_and_health_and_metrics_show_it() throws Exception {
        JsonNode opening = post("/interviews", "");
        String session = opening.get("session").asText();
        assertThat(opening.get("reply").asText()).contains("Hi, thanks for taking the time.");

        JsonNode turn = post("/interviews/" + session + "/answers", "{\"text\": \"Every Monday the five of us put our week on one board.\"}");
        assertThat(turn.get("session").asText()).isEqualTo(session);
        assertThat(turn.get("turn").asInt()).isGreaterThan(opening.get("turn").asInt());
        assertThat(turn.get("reply").asText()).isNotBlank();

        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/interviews/nobody/answers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hello\"}")).build());
        assertThat(unknown.statusCode()).isEqualTo(404);

        JsonNode health = get("/actuator/health");
        assertThat(health.at("/components/chassis/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/chassis/details/journal").asText()).isEqualTo("writable");
        assertThat(get("/actuator/metrics/chassis.turns").at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(2);
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET().build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
