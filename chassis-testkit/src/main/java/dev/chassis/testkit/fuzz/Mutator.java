package dev.chassis.testkit.fuzz;

import java.util.List;
import java.util.Random;

/**
 * A seeded mutation fuzzer for text inputs (YAML, JSON, CSV, messages): each call takes a valid example and
 * changes it a few times (cuts, copies, swaps lines, flips characters, and inserts tokens that parsers get
 * wrong: nulls, anchors, tags, control characters, huge numbers, deep nesting, paths). The same seed gives the
 * same input, so a failure names its seed and replays. It is the plain-JUnit companion of the Jazzer fuzz
 * tests: Jazzer's regression mode runs only its saved inputs, so this is what makes thousands of executions
 * per build cheap. Not thread-safe (one per thread).
 */
public final class Mutator {

    /** Tokens that break parsers and validators, tried often. */
    static final List<String> DICTIONARY = List.of("null", "~", "[null]", "{}", "[]", "- ", ": ", "? ", "\"", "'", "\\", "\u0000", "\u0007",
            "\n", "\n  ", "\t", "\r", "&a ", "*a", "<<: *a", "!!binary ", "!!python/object ", "!!int ", "%YAML 1.1\n", "---\n", "...\n", "#", ",",
            "{", "}", "[", "]", "-1", "0", "99999999999999999999", "1e999", "-0.0", "NaN", ".inf", "true", "0x10", "2025-13-45", "25:61",
            "../../", "/etc/passwd", "~/", "a/b", "%2F", "%00", "Ünïcödé", "日本語", "العربية", "😀", "\ud800", "\u202e", "\ufeff",
            "=cmd|' /C calc'!A0", "${jndi:ldap://x}", "<script>", "\"\",\"\"", "\"a,b\"", "\r\n", "a".repeat(300), "[[[[[[[[[[", "{{{{{{{{{{");

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code seed} mutated 1 to 6 times. */
    public String mutate(String seed) {
        String s = seed;
        int times = 1 + random.nextInt(6);
        for (int i = 0; i < times; i++) {
            s = once(s);
        }
        return s;
    }

    /** One of the examples, mutated. */
    public String mutate(List<String> examples) {
        return mutate(examples.get(random.nextInt(examples.size())));
    }

    private String once(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> s.substring(0, at) + DICTIONARY.get(random.nextInt(DICTIONARY.size())) + s.substring(at);
            case 3 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));            // cut
            case 4 -> {                                                                                                   // copy a piece
                int end = Math.min(s.length(), at + 1 + random.nextInt(60));
                yield s.substring(0, end) + s.substring(at, end) + s.substring(end);
            }
            case 5 -> {                                                                                                   // swap two lines
                String[] lines = s.split("\n", -1);
                if (lines.length < 2) {
                    yield s;
                }
                int a = random.nextInt(lines.length);
                int b = random.nextInt(lines.length);
                String t = lines[a];
                lines[a] = lines[b];
                lines[b] = t;
                yield String.join("\n", lines);
            }
            case 6 -> at < s.length() ? s.substring(0, at) + (char) (s.charAt(at) ^ (1 << random.nextInt(7))) + s.substring(at + 1) : s;
            case 7 -> {                                                                                                   // replace a value
                int colon = s.indexOf(": ", at);
                int nl = colon < 0 ? -1 : s.indexOf('\n', colon);
                yield colon < 0 ? s : s.substring(0, colon + 2) + DICTIONARY.get(random.nextInt(DICTIONARY.size())) + (nl < 0 ? "" : s.substring(nl));
            }
            default -> s.substring(0, at) + (char) random.nextInt(0x3000) + s.substring(at);
        };
    }
}
