package dev.chassis.core.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the insides of the program out of what users read. Parsers and the JDK describe problems in their
 * own terms ({@code Cannot deserialize value of type `java.lang.Long`}, {@code org.yaml.snakeyaml.events.SequenceStartEvent});
 * {@link #clean} rewrites such a message in plain words, and {@link #internals} finds what would give the
 * program away, for tests and for a last check before a message leaves. Stateless.
 */
public final class InputMessages {

    /** A fully qualified Java name ({@code java.lang.Long}, {@code dev.chassis.server.api.StudyRoutes$CreateStudy}). */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)*");
    /** A type in back-ticks, as Jackson quotes them. */
    private static final Pattern TICKED = Pattern.compile("`([^`]{1,200})`");
    private static final Pattern LIBRARY = Pattern.compile("(?i)\\b(jackson|snakeyaml|javalin|jetty|commons-csv|picocli|hikari|h2database|langchain4j)\\b");
    private static final Pattern JAVA_DETAIL = Pattern.compile("Exception\\b|\\$[A-Z]|\\bat [a-z][\\w.]+\\(|\\.java:\\d|"
            + "Cannot (?:invoke|read|load|store|assign|throw) \"|\\[Source: ");

    private InputMessages() {
    }

    /** A user's value quoted in a message ({@code 'dev.example.org' is not an email address}): theirs, not the program's. */
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'");

    /**
     * The part of {@code message} that names a Java class, a library or a stack frame, if any. What the message
     * quotes in single quotes is the user's own value and is not looked at.
     */
    public static Optional<String> internals(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String unquoted = QUOTED.matcher(message).replaceAll("''");
        for (Pattern p : new Pattern[] {QUALIFIED, LIBRARY, JAVA_DETAIL}) {
            Matcher m = p.matcher(unquoted);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code message} with Java types replaced by what they mean to a person ({@code `java.lang.Long`} becomes
     * "whole number"), other qualified names by their last word made plain, and library names dropped. A message
     * that still gives the program away after that becomes {@code fallback}.
     */
    public static String clean(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        // where the parser was (the caller says it in its own words), then Java types in back-ticks
        String s = message.replaceAll("\\s*\\(?(?:start marker )?at \\[Source:[^\\]]*\\]\\)?", "");
        s = TICKED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(noun(m.group(1))));
        s = outsideQuotes(s, QUALIFIED, m -> noun(m.group()));
        s = outsideQuotes(s, LIBRARY, m -> "").replaceAll("\\s{2,}", " ").strip();
        return internals(s).isPresent() || s.isEmpty() ? fallback : s;
    }

    /** {@code s} with the matches of {@code p} replaced, except inside single quotes (a user's value). */
    private static String outsideQuotes(String s, Pattern p, java.util.function.Function<MatchResult, String> replacement) {
        StringBuilder out = new StringBuilder();
        Matcher q = QUOTED.matcher(s);
        int from = 0;
        while (q.find()) {
            out.append(p.matcher(s.substring(from, q.start())).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)))).append(q.group());
            from = q.end();
        }
        return out.append(p.matcher(s.substring(from)).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)))).toString();
    }

    /** What a Java type (by its name) is to a person: "whole number", "list", "date (YYYY-MM-DD)", a record's name in words. */
    public static String noun(String type) {
        String simple = type.replaceAll("<.*", "");
        simple = simple.substring(simple.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return switch (simple) {
            case "int", "Integer", "long", "Long", "short", "Short", "BigInteger", "byte", "Byte" -> "whole number";
            case "double", "Double", "float", "Float", "BigDecimal", "Number" -> "number";
            case "boolean", "Boolean" -> "true/false";
            case "String", "CharSequence", "char", "Character" -> "text";
            case "List", "Set", "Collection", "ArrayList", "Iterable" -> "list";
            case "Map", "LinkedHashMap", "HashMap" -> "mapping";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "LocalTime" -> "time (HH:MM)";
            case "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime" -> "date and time";
            case "Duration" -> "duration";
            case "ZoneId" -> "time zone";
            case "Path" -> "file path";
            case "SequenceStartEvent", "CollectionStartEvent" -> "a list";
            case "MappingStartEvent" -> "a mapping";
            case "AliasEvent" -> "an alias";
            default -> simple.isEmpty() ? "value" : words(simple);
        };
    }

    /** {@code CreateStudy} → "create study": a type name read as words (for a record named for what it holds). */
    private static String words(String simple) {
        if (simple.endsWith("Exception") || simple.endsWith("Event") || simple.endsWith("Error")) {
            return "value";
        }
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
