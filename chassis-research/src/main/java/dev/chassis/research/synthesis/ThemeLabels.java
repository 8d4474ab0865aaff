package dev.chassis.research.synthesis;

import dev.chassis.research.synthesis.phrase.Phrase;
import dev.chassis.research.synthesis.phrase.Wording;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a group of statements is called and where it belongs: its key phrases ranked by how many of
 * its sessions use them and how much more they do than the rest (a phrase common everywhere names
 * nothing in particular), each shown as participants most often said it; its members ranked by
 * closeness to the centre; and the guide objective whose questions most of them answer. Immutable.
 */
final class ThemeLabels {

    private static final int KEY_TERMS = 5;
    /** Share of a theme's statements that must answer one objective's questions for the theme to sit under it. */
    static final double OBJECTIVE_SHARE = 0.4;

    private final List<Statement> statements;
    private final Set<String> topic;
    private final Map<String, String> languages;
    private final Function<Statement, Optional<String>> objectiveOf;
    private final Map<String, Set<String>> phraseSessions = new HashMap<>();
    private final Map<String, Set<String>> lemmaSessions = new HashMap<>();
    private final SharedWords shared;
    private final int studySessions;

    ThemeLabels(List<Statement> statements, Set<String> topic, Map<String, String> languages,
                Function<Statement, Optional<String>> objectiveOf) {
        this.statements = statements;
        this.topic = topic;
        this.languages = languages;
        this.objectiveOf = objectiveOf;
        this.studySessions = (int) statements.stream().map(Statement::session).distinct().count();
        this.shared = new SharedWords(statements);
        for (Statement s : statements) {
            s.keys().forEach(k -> phraseSessions.computeIfAbsent(k, x -> new HashSet<>()).add(s.session()));
            s.lemmas().forEach(l -> lemmaSessions.computeIfAbsent(l, x -> new HashSet<>()).add(s.session()));
        }
    }

    /** The cluster of these members, or null when no phrase names them (in a small study, no word either). */
    Cluster cluster(List<Integer> memberIndices, Map<Integer, Double> similarity) {
        List<Integer> ranked = new ArrayList<>(memberIndices);
        ranked.sort(Comparator.<Integer>comparingDouble(i -> -similarity.getOrDefault(i, 0.0)).thenComparingInt(i -> i));
        List<Statement> central = ranked.stream().map(statements::get).toList();
        TreeSet<String> sessions = new TreeSet<>();
        central.forEach(m -> sessions.add(m.session()));
        List<String> keys = keys(central, sessions.size());
        if (keys.isEmpty()) {
            return null;
        }
        // Statements that use the theme's own phrase say it most plainly: they lead, closest to the centre first.
        String name = keys.getFirst();
        List<Statement> members = new ArrayList<>(central.stream().filter(m -> m.keys().contains(name) || m.lemmas().contains(name)).toList());
        central.stream().filter(m -> !members.contains(m)).forEach(members::add);
        List<String> keyTerms = keys.stream().map(k -> wording(k, central)).toList();
        double cohesion = ranked.stream().mapToDouble(i -> similarity.getOrDefault(i, 0.0)).average().orElse(0);
        return new Cluster(0, keyTerms.getFirst(), keyTerms, members, List.copyOf(sessions), cohesion, objective(members));
    }

    /**
     * Keys of the phrases used in at least two of the group's sessions (two statements when it has one
     * session), best first, none made only of the study's subject; when no phrase qualifies, the group's best word
     * in the phrase its members said it in; none when they said it in no phrase and speak one language.
     */
    private List<String> keys(List<Statement> members, int sessionCount) {
        Map<String, Set<String>> inGroup = new HashMap<>();
        Map<String, Integer> statementsWith = new HashMap<>();
        for (Statement s : members) {
            for (Phrase p : s.phrases()) {
                if (!topic.containsAll(List.of(p.key().split(" ")))) {
                    inGroup.computeIfAbsent(p.key(), x -> new HashSet<>()).add(s.session());
                    statementsWith.merge(p.key(), 1, Integer::sum);
                }
            }
        }
        List<String> ranked = rank(inGroup, statementsWith, phraseSessions, sessionCount);
        if (ranked.isEmpty() && studySessions >= Statements.TOPIC_FROM) {
            // Where a study is large enough to share phrases, a group that no phrase names shares only a word: a catch-all.
            return List.of();
        }
        if (ranked.isEmpty()) {
            Map<String, Set<String>> words = new HashMap<>();
            Map<String, Integer> wordStatements = new HashMap<>();
            for (Statement s : members) {
                // Nouns only: a bare verb ("Asking") names no theme.
                new HashSet<>(s.words().stream().filter(w -> !w.verbal() && !topic.contains(w.key())).map(Phrase::key).toList()).forEach(l -> {
                    words.computeIfAbsent(l, x -> new HashSet<>()).add(s.session());
                    wordStatements.merge(l, 1, Integer::sum);
                });
            }
            // A bare word ("Hour", "Boards") names no theme a researcher would write, unless the group spans languages:
            // phrases are said in one language, so what people of several share is a word ("Prices", "Precios", "Preise").
            boolean manyLanguages = members.stream().map(m -> this.languages.getOrDefault(m.session(), "")).distinct().count() > 1;
            return rank(words, wordStatements, lemmaSessions, sessionCount).stream().limit(1).map(w -> phraseAround(w, members))
                    .filter(k -> manyLanguages || k.contains(" ")).toList();
        }
        List<String> keys = new ArrayList<>();
        for (String key : ranked) {
            if (keys.size() == KEY_TERMS) {
                break;
            }
            if (keys.stream().noneMatch(k -> overlaps(k, key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The phrase the members most often said {@code word} in ("small team" for "team"), else their most used phrase, fewest
     * words on a tie, so that a small study's theme is named as a researcher would name it rather than by a bare word; the
     * word when no phrase of theirs qualifies. A phrase with a word only one turn of the study uses is one person's wording
     * (a typo such as "extrememly time"), not a name ({@link SharedWords}).
     */
    private String phraseAround(String word, List<Statement> members) {
        Map<String, Integer> holding = new HashMap<>();
        Map<String, Integer> all = new HashMap<>();
        for (Statement s : members) {
            for (Phrase p : s.phrases()) {
                List<String> words = List.of(p.key().split(" "));
                if (!topic.containsAll(words) && shared.all(p.key())) {
                    all.merge(p.key(), 1, Integer::sum);
                    if (words.stream().anyMatch(w -> sameWord(w, word))) {
                        holding.merge(p.key(), 1, Integer::sum);
                    }
                }
            }
        }
        Comparator<Map.Entry<String, Integer>> best = Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparingInt(e -> e.getKey().split(" ").length).thenComparing(Map.Entry::getKey);
        return holding.entrySet().stream().sorted(best).map(Map.Entry::getKey).findFirst()
                .or(() -> all.entrySet().stream().filter(e -> e.getValue() >= 2).sorted(best).map(Map.Entry::getKey).findFirst())
                .orElse(word);
    }

    private static List<String> rank(Map<String, Set<String>> inGroup, Map<String, Integer> statementsWith,
                                     Map<String, Set<String>> everywhere, int sessionCount) {
        int needSessions = Math.min(2, sessionCount);
        Map<String, Double> score = new LinkedHashMap<>();
        inGroup.forEach((key, sessions) -> {
            boolean enough = sessionCount > 1 ? sessions.size() >= needSessions : statementsWith.get(key) >= 2;
            if (enough) {
                double in = sessions.size();
                score.put(key, in * in / everywhere.get(key).size());   // sessions here times the share of its sessions that are here
            }
        });
        return score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    /** Two keys overlap when one's words contain the other's ("data analysis" and "analysis"), words matched as {@link #sameWord}. */
    private static boolean overlaps(String a, String b) {
        List<String> wa = List.of(a.split(" "));
        List<String> wb = List.of(b.split(" "));
        return contains(wa, wb) || contains(wb, wa);
    }

    /** Whether two keys have the same words in any order ("data analysis", "analyze data"). */
    static boolean sameWords(String a, String b) {
        List<String> wa = List.of(a.toLowerCase(java.util.Locale.ROOT).split(" "));
        List<String> wb = List.of(b.toLowerCase(java.util.Locale.ROOT).split(" "));
        return wa.size() == wb.size() && contains(wa, wb);
    }

    private static boolean contains(List<String> all, List<String> some) {
        return some.stream().allMatch(w -> all.stream().anyMatch(x -> sameWord(x, w)));
    }

    /**
     * Stems of one word family: equal, or sharing their first five letters and all but two of the
     * shorter's ("analysi" and "analyz"): the stemmer cuts endings, not derivations.
     */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= 5 && common >= Math.min(a.length(), b.length()) - 2;
    }

    /**
     * The key's most common wording among the members, as a name ({@link Wording}); the shorter on a tie. An English verb
     * phrase's name by its gerund ("Taking place") goes before one as said ("Taken place"), which is only there for a verb
     * whose gerund Wording cannot make.
     */
    private String wording(String key, List<Statement> members) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> asSaid = new HashSet<>();
        for (Statement s : members) {
            java.util.stream.Stream.concat(s.phrases().stream(), s.words().stream()).filter(p -> p.key().equals(key)).forEach(p -> {
                String name = Wording.name(p, languages.getOrDefault(s.session(), "en"));
                counts.merge(name, 1, Integer::sum);
                if (p.verbal() && !name.split(" ")[0].toLowerCase(java.util.Locale.ROOT).endsWith("ing")) {
                    asSaid.add(name);
                }
            });
        }
        if (counts.isEmpty()) {
            return key.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + key.substring(1);
        }
        String best = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> asSaid.contains(e.getKey()))
                        .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return best.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + best.substring(1);
    }

    private Optional<String> objective(List<Statement> members) {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(m -> objectiveOf.apply(m).ifPresent(o -> counts.merge(o, 1, Integer::sum)));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && e.getValue() >= OBJECTIVE_SHARE * members.size())
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }
}
