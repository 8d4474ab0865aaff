package dev.chassis.work.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Schema of a record, so that a step which declares its output as a record gets the schema
 * gate for it: an object with a property per component, every component required except an
 * {@code Optional} (which may also be null). Strings, numbers, booleans, enums (their names), lists and sets, maps with string
 * keys, times (ISO text), optionals and nested records. Thread-safe (stateless).
 *
 * <pre>{@code
 * record Summary(String summary, List<String> themes, Optional<Integer> score) { }
 * String schema = RecordSchema.of(Summary.class); // {"type":"object","properties":{...},"required":["summary","themes"]}
 * }</pre>
 */
public final class RecordSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordSchema() {
    }

    /**
     * The schema of {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} is not a record, or a component has a type with no JSON form here
     */
    public static String of(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not a record: a step's typed output is a record");
        }
        return object(type, new HashSet<>()).toString();
    }

    private static ObjectNode object(Class<?> record, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            throw new IllegalArgumentException(record.getSimpleName() + " contains itself; a step's output must be a tree");
        }
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent c : record.getRecordComponents()) {
            boolean optional = c.getType() == Optional.class;
            Type t = optional ? argument(c.getGenericType(), 0) : c.getGenericType();
            ObjectNode component = of(t, record.getSimpleName() + "." + c.getName(), seen);
            if (optional) {
                ObjectNode either = JSON.createObjectNode();
                either.putArray("anyOf").add(component).addObject().put("type", "null");
                properties.set(c.getName(), either); // absent, null, or the value
            } else {
                properties.set(c.getName(), component);
                required.add(c.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        seen.remove(record);
        return schema;
    }

    private static ObjectNode of(Type t, String where, Set<Class<?>> seen) {
        Class<?> raw = raw(t);
        ObjectNode s = JSON.createObjectNode();
        if (raw == String.class || raw == Character.class || raw == char.class || Temporal.class.isAssignableFrom(raw)
                || raw == java.time.Duration.class) {
            return s.put("type", "string");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class || raw == Short.class) {
            return s.put("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class || Number.class.isAssignableFrom(raw)) {
            return s.put("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return s.put("type", "boolean");
        }
        if (raw.isEnum()) {
            ArrayNode values = s.put("type", "string").putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return s;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            s.put("type", "array").set("items", of(argument(t, 0), where + "[]", seen));
            return s;
        }
        if (raw.isArray()) {
            s.put("type", "array").set("items", of(raw.getComponentType(), where + "[]", seen));
            return s;
        }
        if (Map.class.isAssignableFrom(raw) && raw(argument(t, 0)) == String.class) {
            s.put("type", "object").set("additionalProperties", of(argument(t, 1), where + "{}", seen));
            return s;
        }
        if (raw.isRecord()) {
            return object(raw, seen);
        }
        throw new IllegalArgumentException(where + " is a " + raw.getSimpleName()
                + ", which has no JSON form in a step's output; use text, numbers, booleans, enums, lists, maps or records");
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("a type like " + t.getTypeName() + " has no JSON form in a step's output");
    }

    private static Type argument(Type t, int i) {
        if (t instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalArgumentException(t.getTypeName() + " needs its type argument (for example List<String>)");
    }
}
