package dev.chassis.research.ops.study;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * The line of a field in YAML text, for errors found after reading (checks across files). Walks the
 * tokens with Jackson's streaming parser and matches the parsing context's JSON pointer. Stateless.
 */
final class YamlPaths {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlPaths() {
    }

    /** The 1-based line of {@code path} ({@code screener.require[1].field}), or 0 when it is not found. */
    static int line(String text, String path) {
        JsonPointer wanted = JsonPointer.compile("/" + path.replace("[", ".").replace("]", "").replace('.', '/'));
        try (JsonParser p = YAML.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(wanted)) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
