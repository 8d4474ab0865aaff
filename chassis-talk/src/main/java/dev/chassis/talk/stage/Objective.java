package dev.chassis.talk.stage;

import java.util.List;
import java.util.Objects;

/**
 * Something the conversation should achieve.
 *
 * @param id          short stable id, unique in the briefing
 * @param title       what to learn, in a few words
 * @param description more detail for the agent (may be empty)
 * @param priority    1 (nice to have) to 5 (essential); drives staging and steering order
 * @param timeShare   the share of the session planned for it (0..1)
 * @param questions   planned questions, in order
 * @param probes      follow-ups to dig deeper
 * @param keywords    words that show the objective is being talked about (more are derived from the rest)
 */
public record Objective(String id, String title, String description, int priority, double timeShare,
                        List<String> questions, List<String> probes, List<String> keywords) {

    public Objective {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        questions = List.copyOf(questions);
        probes = probes == null ? List.of() : List.copyOf(probes);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** An objective with questions only; the rest defaulted. */
    public static Objective of(String id, String title, int priority, double timeShare, String... questions) {
        return new Objective(id, title, "", priority, timeShare, List.of(questions), List.of(), List.of());
    }
}
