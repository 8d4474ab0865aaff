package dev.chassis.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InputMessages;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The server's JSON: one mapper (ISO dates, Optional as value or null) and strict reading of request
 * bodies, where every problem becomes a 4xx {@link ApiException} naming the line, column and field.
 */
public final class Json {

    /** Shared, configured once; ObjectMapper is thread-safe after configuration. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * The request body as {@code type}.
     *
     * @throws ApiException 415 unless the body is declared JSON, 413 for one over {@code maxBytes}, 400 for an empty or
     *                      malformed body, naming the line, column and field in words a client can act on
     */
    public static <T> T body(Context ctx, Class<T> type, int maxBytes) {
        requireJson(ctx.header("Content-Type"));
        return read(Limits.body(ctx, maxBytes), type);
    }

    /** Refuses a body that is not declared as JSON ({@code application/json} or {@code application/*+json}). */
    static void requireJson(String contentType) {
        String mime = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiException(415, "unsupported_media_type", "send the body as JSON with 'Content-Type: application/json'"
                    + (contentType == null ? "" : "; this request's is '" + Ids.printable(contentType) + "'"));
        }
    }

    /** {@code bytes} as {@code type}; every problem is a 400 whose message names no Java type. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request body is empty; expected a JSON object");
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw ApiException.badRequest("the request body is null; expected a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + Ids.printable(e.getPropertyName()) + "'" + at(e) + "; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw ApiException.badRequest("the request body must be a JSON object" + at(e));
            }
            String expected = e.getTargetType() == null ? "another kind of value" : article(InputMessages.noun(e.getTargetType().getName()));
            throw ApiException.badRequest("field '" + Ids.printable(field) + "'" + at(e) + " must be " + expected);
        } catch (InputCoercionException e) {
            throw ApiException.badRequest("a number" + at(e) + " is out of range");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON" + at(e) + ": " + InputMessages.clean(firstLine(e.getOriginalMessage()), "unreadable"));
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read");
        }
    }

    /** Writes {@code value} as a JSON string (for WebSocket messages). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String article(String noun) {
        return (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
