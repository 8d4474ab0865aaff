package dev.chassis.work.realise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.chassis.core.text.JsonAnswer;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${input.step}} and {@code ${call.N}} in offline plans. In JSON templates a string that
 * is exactly one placeholder becomes the value itself (an object stays an object); elsewhere the
 * value's text is spliced in.
 */
final class PlanPlaceholders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(input\\.[A-Za-z0-9_-]+|call\\.\\d+)}");

    private PlanPlaceholders() {
    }

    static String fill(String template, Map<String, JsonNode> values) {
        try {
            JsonNode tree = JSON.readTree(template);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                return fillNode(tree, values).toString();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // a plain-text template
        }
        return fillText(template, values);
    }

    private static JsonNode fillNode(JsonNode node, Map<String, JsonNode> values) {
        if (node.isTextual()) {
            Matcher whole = PLACEHOLDER.matcher(node.asText());
            if (whole.matches()) {
                return values.getOrDefault(whole.group(1), TextNode.valueOf(""));
            }
            return TextNode.valueOf(fillText(node.asText(), values));
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), fillNode(e.getValue(), values));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(fillNode(n, values)));
            return out;
        }
        return node;
    }

    private static String fillText(String text, Map<String, JsonNode> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : JsonAnswer.text(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
