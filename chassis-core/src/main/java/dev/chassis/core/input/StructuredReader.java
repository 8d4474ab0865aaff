package dev.chassis.core.input;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads YAML or JSON into records, turning every parse or binding problem into one
 * {@link InvalidInputException} with the file, line and field path. Unknown fields are errors (a
 * typo must not be silently ignored). Record constructors may throw {@link IllegalArgumentException}
 * to reject a value; the message is kept and located. Thread-safe.
 *
 * <pre>{@code
 * Guide guide = StructuredReader.yaml().read(Path.of("guide.yaml"), Guide.class);
 * }</pre>
 */
public final class StructuredReader {

    private static final StructuredReader YAML = new StructuredReader(new ObjectMapper(new YAMLFactory()), true);
    private static final StructuredReader JSON = new StructuredReader(new ObjectMapper(), false);

    private final ObjectMapper mapper;
    private final boolean isYaml;

    private StructuredReader(ObjectMapper mapper, boolean isYaml) {
        this.isYaml = isYaml;
        this.mapper = mapper.findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                // an empty item in a list or mapping (objectives: [null], role: ) is an error where it is, not a null later
                .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    public static StructuredReader yaml() {
        return YAML;
    }

    public static StructuredReader json() {
        return JSON;
    }

    /** The mapper, for writing the same types back. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads a file into {@code type}. */
    public <T> T read(Path file, Class<T> type) {
        return read(load(file), file.getFileName().toString(), type);
    }

    /** Reads text into {@code type}; {@code source} names it in errors. */
    public <T> T read(String text, String source, Class<T> type) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new InvalidInputException(source, 0, "", "is empty");
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw new InvalidInputException(source, 0, "", "is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            InvalidInputException located = locate(e, source);
            if (isYaml && e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
                int line = YamlLines.lineOf(text, m.getPath());
                if (line > 0) {
                    return rethrow(new InvalidInputException(source, line, located.field().orElse(""), located.problem(), e));
                }
            }
            throw located;
        }
    }

    private static <T> T rethrow(InvalidInputException e) {
        throw e;
    }

    /** Reads a file as a tree, for callers that validate by hand. */
    public JsonNode tree(Path file) {
        String source = file.getFileName().toString();
        try {
            JsonNode node = mapper.readTree(load(file));
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(source, 0, "", "is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw locate(e, source);
        }
    }

    private static String load(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), 0, "", "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Translates a Jackson problem into a located error. */
    public static InvalidInputException locate(JsonProcessingException e, String source) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String problem = switch (e) {
            case UnrecognizedPropertyException u -> "unknown field '" + u.getPropertyName() + "'"
                    + (u.getKnownPropertyIds() == null || u.getKnownPropertyIds().isEmpty() ? ""
                        : "; expected one of " + u.getKnownPropertyIds());
            case InvalidFormatException f -> "'" + Ids.printable(String.valueOf(f.getValue())) + "' is not a valid " + simpleType(f.getTargetType());
            case InvalidNullException n -> "an empty item; give it a value or remove it";
            case ValueInstantiationException v -> v.getCause() instanceof IllegalArgumentException || v.getCause() instanceof NullPointerException
                    ? InputMessages.clean(v.getCause().getMessage(), "invalid value") : "invalid value";
            case InputCoercionException c -> "the number is out of range";
            case MismatchedInputException m when m.getMessage() != null && m.getMessage().startsWith("Missing required creator property")
                    -> "is required";
            case MismatchedInputException m -> "expected " + article(simpleType(m.getTargetType()));
            default -> e.getOriginalMessage() == null ? "invalid syntax"
                    : e.getOriginalMessage().startsWith("Expected a field name") ? "a key must be plain text, not a list or a mapping"
                    : "invalid syntax: " + InputMessages.clean(problem(e.getOriginalMessage()), "the text cannot be read here");
        };
        if (e instanceof MismatchedInputException m && problem.equals("is required") && m.getPath().isEmpty()) {
            field = "";
        }
        return new InvalidInputException(source, line, field, problem, e);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("value (one of");
            for (Object c : type.getEnumConstants()) {
                sb.append(' ').append(c.toString().toLowerCase(java.util.Locale.ROOT));
            }
            return sb.append(')').toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true/false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "mapping";
        }
        return InputMessages.noun(type.getName());
    }

    private static String article(String noun) {
        return (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
    }

    /** The line of a parser's message that says what it expected, else its first line. */
    private static String problem(String message) {
        for (String line : message.split("\n")) {
            String l = line.strip();
            if (l.startsWith("expected") || l.startsWith("found") || l.startsWith("mapping values") || l.startsWith("could not find")) {
                return firstLine(message) + " (" + l + ")";
            }
        }
        return firstLine(message);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
