package dev.chassis.core.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule of a {@link ToolPolicy}: an effect for calls whose tool name matches a glob and whose
 * arguments match every given pattern.
 *
 * @param toolGlob  tool name with {@code *} and {@code ?} wildcards, for example {@code write_*}
 * @param arguments JSON Pointer ({@code /path}) to a regex the argument's text must match in full;
 *                  a missing argument does not match
 * @param reason    why the rule exists, shown in decisions and the audit trail
 */
public record PolicyRule(Effect effect, String toolGlob, Map<String, Pattern> arguments, String reason) {

    public PolicyRule {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(toolGlob, "toolGlob");
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments)); // keeps the order for describe()
        for (String pointer : arguments.keySet()) {
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("argument '" + pointer + "' in a policy rule must be a JSON Pointer starting with '/'");
            }
        }
        reason = reason == null ? "" : reason;
    }

    /** Whether the call matches this rule. */
    public boolean matches(ToolCall call) {
        if (!globToRegex(toolGlob).matcher(call.name()).matches()) {
            return false;
        }
        if (arguments.isEmpty()) {
            return true;
        }
        Optional<JsonNode> args = call.argumentsJson();
        if (args.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Pattern> e : arguments.entrySet()) {
            JsonNode value = args.get().at(e.getKey());
            if (value.isMissingNode() || value.isNull()) {
                return false;
            }
            String text = value.isValueNode() ? value.asText() : value.toString();
            if (!e.getValue().matcher(text).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A short description for decisions and logs, for example {@code deny write_* /path=/etc/.*}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(effect.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(toolGlob);
        arguments.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.pattern()));
        return sb.toString();
    }

    /** A tool-name glob ({@code *} any run of characters, {@code ?} one) as a pattern that must match the whole name. */
    public static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
