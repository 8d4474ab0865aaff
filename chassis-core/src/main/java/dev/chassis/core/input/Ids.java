package dev.chassis.core.input;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one pattern every id a user names or sees must match: study, session and run ids. An id is 1 to
 * 100 lower-case letters, digits and dashes, starting with a letter or digit, so it can never be a path
 * (no {@code /}, {@code \}, {@code .}, {@code ~}, drive letter or control character) and is the same on
 * case-insensitive file systems. Ids are checked where they enter (files, the API, the command line), and
 * again where one becomes part of a file name. Stateless.
 *
 * <pre>{@code
 * String study = Ids.check("study", guide.study());   // throws InvalidInputException naming the field
 * }</pre>
 */
public final class Ids {

    /** The maximum length of an id. */
    public static final int MAX_LENGTH = 100;
    /** The pattern, for callers that match themselves (validators, OpenAPI). */
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");
    /** What the pattern allows, in words, for error messages. */
    public static final String RULE = "1-" + MAX_LENGTH + " lower-case letters, digits and '-', starting with a letter or digit";

    private Ids() {
    }

    /** Whether {@code id} is an id (null is not). */
    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /**
     * {@code id}, when it is one.
     *
     * @param what what the id names, for the message ({@code study}, {@code session}, {@code run})
     * @throws InvalidInputException naming {@code what} and showing the value (made printable) otherwise
     */
    public static String check(String what, String id) {
        if (!valid(id)) {
            throw new InvalidInputException("", 0, what, problem(id));
        }
        return id;
    }

    /** The problem with an id that is not valid, for callers that locate their own errors. */
    public static String problem(String id) {
        return "must be an id of " + RULE + ", like onboarding-2025; was " + (id == null ? "missing" : "'" + printable(id) + "'");
    }

    /**
     * An id made from free text (a workflow's name, a file name): lower-cased, every run of other characters
     * turned into one dash, cut to {@code maxLength}; {@code fallback} when nothing is left.
     */
    public static String slug(String text, int maxLength, String fallback) {
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > Math.min(maxLength, MAX_LENGTH)) {
            s = s.substring(0, Math.min(maxLength, MAX_LENGTH)).replaceAll("-+$", "");
        }
        return s.isEmpty() ? check("fallback id", fallback) : s;
    }

    /** {@code s} for a one-line message: control characters escaped, cut at 120 characters. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), 120); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 120 ? b + "..." : b.toString();
    }
}
