package dev.chassis.research.synthesis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words (lemmas) that more than one turn of a study uses. A word said in one turn only is one person's, once: a typo
 * ("extrememly"), a slip or a coinage, which a theme's name must not carry, since a name says what the group shares.
 * Spelled as everyone else spells it, a word recurs; no dictionary needed, so it holds in any language. Immutable.
 */
final class SharedWords {

    private final Map<String, Set<String>> turnsOf = new HashMap<>();

    /** From every statement of a study: the lemmas of its words and of its phrases. */
    SharedWords(List<Statement> statements) {
        for (Statement s : statements) {
            String turn = s.session() + '#' + s.turn();
            s.lemmas().forEach(l -> turnsOf.computeIfAbsent(l, x -> new HashSet<>()).add(turn));
            for (String key : s.keys()) {
                for (String l : key.split(" ")) {
                    turnsOf.computeIfAbsent(l, x -> new HashSet<>()).add(turn);
                }
            }
        }
    }

    /** Whether every word of a key ({@code extrememli time}) is used in at least two turns of the study. */
    boolean all(String key) {
        for (String l : key.split(" ")) {
            if (turnsOf.getOrDefault(l, Set.of()).size() < 2) {
                return false;
            }
        }
        return true;
    }
}
