package dev.chassis.research.ops.conduct;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.research.ops.schedule.ScheduledSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which persona stands in for a participant in an offline run: the file named in the pool's
 * {@code persona} column (relative to the pool), otherwise the study's personas in turn by session
 * number. Immutable.
 */
public record PersonaAssignment(Path poolDir, List<Path> personas) {

    public PersonaAssignment {
        personas = List.copyOf(personas);
    }

    /**
     * @throws InvalidInputException when the pool names a persona file that does not exist, or there are no personas
     */
    public Path personaFor(ScheduledSession session) {
        if (session.participant().persona().isPresent()) {
            Path p = poolDir.resolve(session.participant().persona().get()).normalize();
            if (!Files.isRegularFile(p)) {
                throw new InvalidInputException("pool line " + session.participant().line(), session.participant().line(), "persona",
                        "file not found: " + p + " (persona paths are relative to the pool file)");
            }
            return p;
        }
        if (personas.isEmpty()) {
            throw new InvalidInputException("study", 0, "personas", "an offline run needs personas: list persona files in the study, "
                    + "or name one per person in the pool's persona column");
        }
        int n = Integer.parseInt(session.id().replaceAll("\\D", "")) - 1;
        return personas.get(Math.floorMod(n, personas.size()));
    }
}
