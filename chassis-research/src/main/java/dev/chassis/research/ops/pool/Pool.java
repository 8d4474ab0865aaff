package dev.chassis.research.ops.pool;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A participant pool as read from its file.
 *
 * @param file    where it was read from
 * @param columns the header, in order
 * @param people  in file order
 */
public record Pool(Path file, List<String> columns, List<Participant> people) {

    public Pool {
        columns = List.copyOf(columns);
        people = List.copyOf(people);
    }

    public Optional<Participant> find(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
