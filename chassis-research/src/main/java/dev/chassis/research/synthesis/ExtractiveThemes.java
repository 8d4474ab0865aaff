package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes themes without a model, from the participants' own words only, so nothing is invented: the
 * name is the group's best key phrase; the summary its most central statement; one finding says how
 * widely it came up and how else it was put, with quotes from different participants, most central
 * first. A quote never repeats the summary word for word: when only the summary's statement could be
 * quoted, it is, and the summary is the group's next statement. Stateless and deterministic.
 */
final class ExtractiveThemes {

    static final int QUOTES = 4;
    /** A summary or quote longer than this many words is hard to read at a glance; shorter ones go first. */
    static final int READABLE_WORDS = 45;

    private ExtractiveThemes() {
    }

    static ThemeDrafts write(List<Cluster> clusters, int sessionsTotal, Map<String, String> languages) {
        List<ThemeDrafts.Draft> drafts = new ArrayList<>();
        for (Cluster c : clusters) {
            drafts.add(draft(c, sessionsTotal, languages));
        }
        return new ThemeDrafts(drafts);
    }

    private static ThemeDrafts.Draft draft(Cluster c, int sessionsTotal, Map<String, String> languages) {
        List<Statement> candidates = saying(c, languages);
        Statement central = candidates.stream().filter(ExtractiveThemes::readable).findFirst().orElse(candidates.getFirst());
        List<String> others = c.keyTerms().subList(1, c.keyTerms().size()).stream().limit(3).map(k -> "‘" + k + "’").toList();
        String finding = "Raised in " + c.sessions() + " of " + sessionsTotal + " sessions (" + c.members().size() + " statements)"
                + (others.isEmpty() ? "." : "; also put as " + String.join(", ", others) + ".");
        List<Quote> quotes = quotes(c, central, candidates);
        Statement summary = central;
        if (quotes.isEmpty()) {
            // Only the central statement says what the name says: it is the quote, and the summary is what else the
            // group said most centrally, so that the card does not print one sentence twice.
            quotes = List.of(central.quote());
            summary = besides(c, central).orElse(null);
        }
        return new ThemeDrafts.Draft(c.index(), c.label(), summary == null ? "" : sentence(summary.text().replaceAll("\\s+", " ")),
                List.of(new ThemeDrafts.FindingDraft(finding, quotes)));
    }

    /**
     * The group's statement that best stands beside {@code quoted} as a summary: every word of the name said, readable
     * before long, the group's order (most central first) after that; none that repeats {@code quoted} word for word.
     * Empty when every other statement does (the theme then has no summary besides its quote).
     */
    private static Optional<Statement> besides(Cluster c, Statement quoted) {
        // A summary says what the name says: a statement naming only part of it ("team" of "Small team") reads as
        // another theme's summary, so the card is better without one.
        long named = java.util.Arrays.stream(normal(c.label()).split(" ")).filter(w -> !w.isEmpty()).count();
        return c.members().stream().filter(s -> s != quoted && !repeats(s, quoted, List.of()) && said(s, c.label()) >= named)
                .sorted(Comparator.comparingInt((Statement s) -> -said(s, c.label())).thenComparing(s -> !readable(s)))
                .findFirst();
    }

    /**
     * Up to {@link #QUOTES} quotes, most central first, one per participant (one per turn when the theme
     * has a single session), the summary's own statement left out; readable lengths before long ones.
     */
    static List<Quote> quotes(Cluster c, Statement summary, List<Statement> members) {
        boolean oneSession = c.sessions() == 1;
        List<Statement> ordered = new ArrayList<>(members.stream().filter(ExtractiveThemes::readable).toList());
        members.stream().filter(s -> !readable(s)).forEach(ordered::add);
        Set<String> used = new HashSet<>();
        if (!oneSession) {
            used.add(summary.session());
        }
        List<Quote> out = new ArrayList<>();
        for (Statement s : ordered) {
            if (out.size() == QUOTES) {
                break;
            }
            String key = oneSession ? String.valueOf(s.turn()) : s.session();
            if (s != summary && !repeats(s, summary, out) && used.add(key)) {
                out.add(s.quote());
            }
        }
        if (out.size() < 2 && !oneSession) {   // few participants: let the summary's speaker be quoted too
            for (Statement s : ordered) {
                if (out.size() < 2 && s != summary && !repeats(s, summary, out)) {
                    out.add(s.quote());
                }
            }
        }
        return out;
    }

    /** Whether a statement says again, word for word, the summary or a quote already chosen ("Like I said, ..."). */
    private static boolean repeats(Statement s, Statement summary, List<Quote> chosen) {
        String mine = normal(s.text());
        return normal(summary.text()).contains(mine) || mine.contains(normal(summary.text()))
                || chosen.stream().anyMatch(q -> normal(q.text()).contains(mine) || mine.contains(normal(q.text())));
    }

    private static String normal(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * The members that say what the theme's name says, in their order: all the name's words that any member says ("our
     * old tool" does not illustrate "Chat tool" when another member says "the chat tool"), or, in a language other than
     * those members', none of them (they are there by what they mean). All members when none says a word of the name.
     */
    static List<Statement> saying(Cluster c, Map<String, String> languages) {
        int most = c.members().stream().mapToInt(s -> said(s, c.label())).max().orElse(0);
        if (most == 0) {
            return c.members();
        }
        Set<String> named = new HashSet<>();
        c.members().stream().filter(s -> said(s, c.label()) == most).forEach(s -> named.add(languages.getOrDefault(s.session(), "")));
        return c.members().stream().filter(s -> {
            int n = said(s, c.label());
            return n == most || n == 0 && !named.contains(languages.getOrDefault(s.session(), ""));
        }).toList();
    }

    /** How many words of {@code name} a statement says, a word matched by its first letters ("projects" says "project"). */
    private static int said(Statement s, String name) {
        String text = " " + normal(s.text());
        int n = 0;
        for (String word : normal(name).split(" ")) {
            if (!word.isEmpty() && text.contains(" " + word.substring(0, Math.min(word.length(), Math.max(3, word.length() - 2))))) {
                n++;
            }
        }
        return n;
    }

    /** A summary reads as a sentence: a statement whose openers were cut starts with a capital all the same. */
    private static String sentence(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }

    private static boolean readable(Statement s) {
        int words = s.text().split("\\s+").length;
        return words >= 6 && words <= READABLE_WORDS;
    }
}
