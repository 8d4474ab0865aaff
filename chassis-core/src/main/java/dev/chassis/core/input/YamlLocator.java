package dev.chassis.core.input;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line of a field in YAML text, by its path as errors name it ({@code steps[2].gates[0].read}),
 * for checks that run after binding and still owe the user a line number.
 */
public final class YamlLocator {

    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private YamlLocator() {
    }

    /** The 1-based line of {@code path} in {@code yaml}, or of its deepest existing parent; 0 when unknown. */
    public static int lineOf(String yaml, String path) {
        List<JsonMappingException.Reference> refs = new ArrayList<>();
        Matcher m = PART.matcher(path);
        while (m.find()) {
            refs.add(m.group(1) != null ? new JsonMappingException.Reference(null, m.group(1))
                    : new JsonMappingException.Reference(null, Integer.parseInt(m.group(2))));
        }
        return YamlLines.lineOf(yaml, refs);
    }

    /** An error at {@code path} of {@code yaml}, located. */
    public static InvalidInputException error(String source, String yaml, String path, String problem) {
        return new InvalidInputException(source, lineOf(yaml, path), path, problem);
    }
}
