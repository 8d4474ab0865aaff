package dev.chassis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard in docs/: the metric names its queries use, for tests that check the server serves them. */
final class Dashboard {

    private static final Pattern METRIC = Pattern.compile("\\b(chassis_[a-z_]+?)(_bucket|_count|_sum|_max)?\\b");

    private Dashboard() {
    }

    /** The {@code chassis_*} metrics the dashboard's queries name, with Prometheus's histogram suffixes taken off. */
    static Set<String> metrics(String prefix) {
        try {
            JsonNode d = new ObjectMapper().readTree(TestServer.REPO.resolve("docs/grafana-dashboard.json").toFile());
            Set<String> out = new TreeSet<>();
            for (JsonNode expr : d.findValues("expr")) {
                Matcher m = METRIC.matcher(expr.asText());
                while (m.find()) {
                    if (m.group(1).startsWith(prefix)) {
                        out.add(m.group(1));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
