package dev.chassis.research.eval.injection;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A corpus of injection attempts (YAML): {@code attempts:} a list of {@code id}, {@code lang} (ISO 639-1),
 * {@code kind}, {@code text} and {@code benign} (true for a control: a real answer that only sounds like an
 * attack). Read through {@link StructuredReader}, so every error names its file, line and field.
 *
 * @param attempts the attempts, in file order
 */
public record InjectionCorpus(List<Attempt> attempts) {

    /** One entry of the corpus. */
    public record Attempt(String id, String lang, String kind, String text, Boolean benign) {
        public Attempt {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id is required");
            }
            if (lang == null || !lang.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("lang must be a two-letter ISO 639-1 code, was '" + lang + "'");
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text is required: what the participant says");
            }
            kind = kind == null || kind.isBlank() ? "unknown" : kind.strip();
            benign = Objects.requireNonNullElse(benign, false);
        }

        /** Whether this is a control that must be treated as an answer. */
        public boolean control() {
            return benign;
        }
    }

    public InjectionCorpus {
        if (attempts == null || attempts.isEmpty()) {
            throw new IllegalArgumentException("attempts is required: a list of entries with id, lang, kind, text");
        }
        attempts = List.copyOf(attempts);
    }

    /** Reads a corpus file; a duplicated id is an error naming it. */
    public static InjectionCorpus load(Path file) {
        InjectionCorpus c = StructuredReader.yaml().read(file, InjectionCorpus.class);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.attempts().size(); i++) {
            if (!seen.add(c.attempts().get(i).id())) {
                throw new InvalidInputException(file.getFileName().toString(), 0, "attempts[" + i + "].id",
                        "'" + c.attempts().get(i).id() + "' is used twice; give every attempt its own id");
            }
        }
        return c;
    }
}
