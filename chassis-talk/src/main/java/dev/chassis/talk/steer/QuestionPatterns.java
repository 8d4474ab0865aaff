package dev.chassis.talk.steer;

import dev.chassis.core.input.DataLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of {@link QuestionCheck} for one language, kept as data in {@code questions/<language>.questions}:
 * one {@code field = regex} a line, matched on the lower-cased question. Fields: {@code leading} (suggests its
 * answer), {@code double} (asks two things), {@code closed} (a yes/no form) and {@code open} (asks for an account:
 * a closed form with an open marker is open); and what steering does with them: {@code invite} (a request for an
 * account, said after a closed question so that it asks for one) and {@code unlead} ({@code regex => replacement}:
 * a leading question with what suggests its answer taken out). Loaded once per language; a language without a file
 * uses English's.
 */
record QuestionPatterns(String language, List<Pattern> leading, List<Pattern> twice, List<Pattern> closed, List<Pattern> open,
                        String invite, List<Rewrite> unlead) {

    /** A rewrite: where {@code pattern} matches the question (any case), that part becomes {@code replacement}. */
    record Rewrite(Pattern pattern, String replacement) { }

    private static final Map<String, QuestionPatterns> LOADED = new ConcurrentHashMap<>();

    /** The patterns of {@code language}, or English's where the project has none for it. */
    static QuestionPatterns of(String language) {
        return LOADED.computeIfAbsent(language, l -> read(l).orElseGet(() -> l.equals("en") ? parse("en", "questions/en.questions", "") : of("en")));
    }

    /** Whether a language has its own file (every supported language does; a test proves it). */
    static boolean has(String language) {
        return language.matches("[a-z]{2}") && QuestionPatterns.class.getResource(file(language)) != null;
    }

    private static String file(String language) {
        return "questions/" + language + ".questions";
    }

    private static java.util.Optional<QuestionPatterns> read(String language) {
        if (!has(language)) {
            return java.util.Optional.empty();
        }
        return DataLine.resource(QuestionPatterns.class, file(language)).map(text -> parse(language, file(language), text));
    }

    /**
     * The patterns written in {@code text}.
     *
     * @throws IllegalArgumentException naming the file, line and field of the first bad line, and what to do
     */
    static QuestionPatterns parse(String language, String file, String text) {
        List<List<Pattern>> fields = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> names = List.of("leading", "double", "closed", "open", "invite", "unlead");
        String invite = "";
        List<Rewrite> unlead = new ArrayList<>();
        for (DataLine data : DataLine.of(file, text)) {
            String line = data.text();
            String where = data.where();
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + ": expected 'field = pattern' (fields: " + String.join(", ", names) + "), found '" + line + "'");
            }
            String field = line.substring(0, eq).strip();
            String regex = line.substring(eq + 1).strip();
            int at = names.indexOf(field);
            if (at < 0) {
                throw new IllegalArgumentException(where + ", field '" + field + "': not a field; use one of " + String.join(", ", names));
            }
            if (regex.isEmpty()) {
                throw new IllegalArgumentException(where + ", field '" + field + "': the pattern is empty; write one after '='");
            }
            if (field.equals("invite")) {
                invite = regex; // a sentence to say, not a pattern
                continue;
            }
            String replacement = null;
            if (field.equals("unlead")) {
                int arrow = regex.lastIndexOf("=>");
                if (arrow < 0) {
                    throw new IllegalArgumentException(where + ", field 'unlead': expected 'unlead = pattern => replacement', found '" + regex + "'");
                }
                replacement = regex.substring(arrow + 2).strip();
                regex = regex.substring(0, arrow).strip();
            }
            try {
                // Rewrites run on the question as written (names keep their capitals), so they ignore case themselves.
                Pattern compiled = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS
                        | (replacement != null ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
                if (replacement != null) {
                    unlead.add(new Rewrite(compiled, replacement));
                    continue;
                }
                fields.get(at).add(compiled);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ", field '" + field + "': the pattern '" + regex + "' is not a valid regular expression ("
                        + e.getDescription() + " near position " + e.getIndex() + "); fix it or remove the line");
            }
        }
        return new QuestionPatterns(language, List.copyOf(fields.get(0)), List.copyOf(fields.get(1)), List.copyOf(fields.get(2)),
                List.copyOf(fields.get(3)), invite, List.copyOf(unlead));
    }

    static boolean any(List<Pattern> patterns, String lower) {
        for (Pattern p : patterns) {
            if (p.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }
}
