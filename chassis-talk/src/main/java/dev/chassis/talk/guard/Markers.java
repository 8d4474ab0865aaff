package dev.chassis.talk.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural tier: text dressed as a message from someone other than the participant. A fake role
 * marker is a short label set apart by brackets or rules ({@code [SYSTEM]}, {@code 【システム通知】},
 * {@code <<SYS>>}, {@code ### MENSAGEM DO SISTEMA ###}, {@code --- admin ---}) or opening a line
 * ({@code system:}) whose words name a role in any language's lexicon; chat-template tokens
 * ({@code <|im_start|>}, {@code [INST]}) and a JSON {@code "role":} key are markers by themselves.
 * Works on normalised text. Stateless and thread-safe.
 */
final class Markers {

    private static final Pattern SEGMENT = Pattern.compile(
            "\\[([^\\[\\]\\n]{1,60})\\]|【([^【】\\n]{1,40})】|〔([^〔〕\\n]{1,40})〕|<<([^<>\\n]{1,40})>>|<\\|([^|\\n]{1,40})\\|>"
                    + "|</?([\\p{L} _-]{1,30})>|#{2,}\\s*([^#\\n]{1,60}?)\\s*#{2,}|(?m)^\\s*#{1,6}\\s*([^#\\n]{1,40})$"
                    + "|={3,}\\s*([^=\\n]{1,60}?)\\s*={3,}|-{3,}\\s*([^-\\n]{1,60}?)\\s*-{3,}|\\*{3,}\\s*([^*\\n]{1,60}?)\\s*\\*{3,}"
                    + "|\\(\\(([^()\\n]{1,40})\\)\\)|\\{\\{([^{}\\n]{1,40})\\}\\}|(?m)^\\s*([^\\s:：\\[\\]][^:：\\n]{0,30})[:：]");
    private static final int HEADING = 8;
    private static final int LINE_LABEL = 14;
    private static final Pattern JSON_ROLE = Pattern.compile("[\"']role[\"']\\s*:");
    private static final List<String> TEMPLATE_TOKENS = List.of("<|im_start|>", "<|im_end|>", "<|system|>", "<|assistant|>",
            "<|endoftext|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<s>", "</s>", "<|begin_of_text|>", "<|start_header_id|>",
            "<start_of_turn>", "<end_of_turn>");

    private Markers() {
    }

    /** Whether {@code text} might hold a marker at all: a cheap test before the patterns run. */
    static boolean possible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '【' || c == '〔' || c == '<' || c == '#' || c == '{' || c == ':' || c == '：' || c == '='
                    || (c == '-' && i + 2 < text.length() && text.charAt(i + 1) == '-' && text.charAt(i + 2) == '-')
                    || (c == '*' && i + 2 < text.length() && text.charAt(i + 1) == '*') || (c == '(' && i + 1 < text.length() && text.charAt(i + 1) == '(')) {
                return true;
            }
        }
        return false;
    }

    /** The marker in normalised {@code text}, or null; {@code typed} is the text as typed, lower-cased (leetspeak folding mangles "<|"). */
    static String find(String text, String typed, Lexicon lexicon) {
        for (String token : TEMPLATE_TOKENS) {
            if (text.contains(token) || typed.contains(token)) {
                return token;
            }
        }
        if (text.indexOf('{') >= 0 && JSON_ROLE.matcher(text).find()) {
            return "\"role\":";
        }
        Matcher m = SEGMENT.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                String label = m.group(g);
                // A heading or a line's opening label ("system:") must be a role name and nothing else: "my system:" is prose.
                boolean exact = g == HEADING || g == LINE_LABEL;
                if (label != null && namesARole(label, lexicon, exact)) {
                    return m.group().strip();
                }
            }
        }
        return null;
    }

    private static boolean namesARole(String label, Lexicon lexicon, boolean exact) {
        Texts.Squeezed s = Texts.squeeze(label);
        if (s.text().isEmpty()) {
            return false;
        }
        for (Cues.Match match : Cues.find(lexicon, s, false)) {
            if (match.concept() == Concept.MARKER && (!exact || (match.start() == 0 && match.end() == s.text().length()))) {
                return true;
            }
        }
        return false;
    }
}
