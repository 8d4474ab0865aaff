package dev.chassis.research.synthesis;

import java.util.List;

/**
 * A group of similar statements: the raw material of a theme before it is named.
 *
 * @param index    stable position, most widespread first
 * @param keyTerms terms most specific to this group (class-based TF-IDF), most telling first
 * @param members  statements, most central first
 * @param sessions distinct sessions among the members
 * @param cohesion mean similarity of the members to the group's centre (0..1); loose groups are left-overs
 */
public record Cluster(int index, List<String> keyTerms, List<Statement> members, int sessions, double cohesion) {

    public Cluster {
        keyTerms = List.copyOf(keyTerms);
        members = List.copyOf(members);
    }
}
