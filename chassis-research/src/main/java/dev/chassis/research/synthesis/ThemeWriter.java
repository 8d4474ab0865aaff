package dev.chassis.research.synthesis;

import java.util.List;

/**
 * Turns groups of statements into named themes, every output passing the {@link ThemeGate}. The
 * built-in one ({@link ModelThemeWriter}) asks a model and retries with the gate's findings; a
 * work-harness step can do the same with its journal.
 *
 * <pre>{@code
 * ThemeWriter writer = ModelThemeWriter.of(model, 3);
 * ThemeWriter.Result r = writer.write(intent, gate);
 * }</pre>
 */
@FunctionalInterface
public interface ThemeWriter {

    /**
     * @param themes only what passed the gate
     * @param notes  what people should know (retries, rejected quotes); empty when the first answer passed
     */
    record Result(List<Theme> themes, List<String> notes) {
        public Result {
            themes = List.copyOf(themes);
            notes = List.copyOf(notes);
        }
    }

    Result write(ThemeWritingIntent intent, ThemeGate gate);
}
