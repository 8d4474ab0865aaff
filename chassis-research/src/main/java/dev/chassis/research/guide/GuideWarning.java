package dev.chassis.research.guide;

/**
 * Something a guide lacks that does not stop it from being used, located like an error: a language it
 * lists without its text, an objective without its translation.
 */
public record GuideWarning(String source, int line, String field, String message) {

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + field + ": " + message;
    }
}
