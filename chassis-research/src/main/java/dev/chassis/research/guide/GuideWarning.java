package dev.chassis.research.guide;

/**
 * Something a guide lacks that does not stop it from being used, located like an error: a language it
 * lists without its text, an objective without its translation.
 *
 * @param language the language that lacks it, or empty when the whole guide does
 */
public record GuideWarning(String source, int line, String field, String message, String language) {

    public GuideWarning(String source, int line, String field, String message) {
        this(source, line, field, message, "");
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + field + ": " + message;
    }
}
