package dev.chassis.server.study;

import java.time.Instant;
import java.util.List;

/**
 * A study on the server: made from an interview guide.
 *
 * @param id         unique on this server (the guide's study id, with a suffix when taken)
 * @param source     the guide's file name, for people
 * @param objectives the guide's objectives, id and title
 */
public record StudyInfo(String id, String title, String source, List<String> languages, int minutes, List<ObjectiveInfo> objectives,
                        Instant created) {

    public StudyInfo {
        languages = List.copyOf(languages);
        objectives = List.copyOf(objectives);
    }

    /** One objective of the guide. */
    public record ObjectiveInfo(String id, String title, int priority) {
    }
}
