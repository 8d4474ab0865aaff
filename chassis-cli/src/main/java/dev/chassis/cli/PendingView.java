package dev.chassis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chassis.work.journal.PauseKind;
import java.io.PrintWriter;

/** Prints what a paused step asks a person to decide on: the draft to approve, or the tool call with its arguments. */
final class PendingView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PendingView() {
    }

    static void print(PrintWriter out, PauseKind kind, String asks) {
        out.println(kind == PauseKind.TOOL ? "          The tool call waiting for your decision:" : "          What waits for your approval:");
        String shown = kind == PauseKind.TOOL ? toolCall(asks) : pretty(asks);
        for (String line : shown.split("\n", -1)) {
            out.println("          │ " + line);
        }
    }

    /** {@code send_invite {"to": ...}} as the tool's name and its arguments, one per line. */
    private static String toolCall(String asks) {
        int space = asks.indexOf(' ');
        String tool = space < 0 ? asks : asks.substring(0, space);
        String args = space < 0 ? "" : asks.substring(space + 1);
        StringBuilder sb = new StringBuilder(tool);
        try {
            JsonNode n = JSON.readTree(args);
            n.properties().forEach(e -> sb.append("\n  ").append(e.getKey()).append(": ")
                    .append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        } catch (Exception notJson) {
            sb.append(' ').append(args);
        }
        return sb.toString();
    }

    /** JSON indented so a person can read it; other text as it is. */
    private static String pretty(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n != null && (n.isObject() || n.isArray())) {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
            }
        } catch (Exception notJson) {
            // plain text
        }
        return text;
    }
}
