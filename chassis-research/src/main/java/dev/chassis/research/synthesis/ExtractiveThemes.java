package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes themes without a model, from the participants' own words only, so nothing is invented: the
 * name is the group's best key phrase; the summary its most central statement; one finding says how
 * widely it came up and how else it was put, with quotes from different participants, most central
 * first. Stateless and deterministic.
 */
final class ExtractiveThemes {

    static final int QUOTES = 4;
    /** A summary or quote longer than this many words is hard to read at a glance; shorter ones go first. */
    static final int READABLE_WORDS = 45;

    private ExtractiveThemes() {
    }

    static ThemeDrafts write(List<Cluster> clusters, int sessionsTotal) {
        List<ThemeDrafts.Draft> drafts = new ArrayList<>();
        for (Cluster c : clusters) {
            drafts.add(draft(c, sessionsTotal));
        }
        return new ThemeDrafts(drafts);
    }

    private static ThemeDrafts.Draft draft(Cluster c, int sessionsTotal) {
        Statement central = c.members().stream().filter(ExtractiveThemes::readable).findFirst().orElse(c.members().getFirst());
        List<String> others = c.keyTerms().subList(1, c.keyTerms().size()).stream().limit(3).map(k -> "‘" + k + "’").toList();
        String finding = "Raised in " + c.sessions() + " of " + sessionsTotal + " sessions (" + c.members().size() + " statements)"
                + (others.isEmpty() ? "." : "; also put as " + String.join(", ", others) + ".");
        List<Quote> quotes = quotes(c, central);
        if (quotes.isEmpty()) {
            quotes = List.of(central.quote());
        }
        return new ThemeDrafts.Draft(c.index(), c.label(), central.text().replaceAll("\\s+", " "),
                List.of(new ThemeDrafts.FindingDraft(finding, quotes)));
    }

    /**
     * Up to {@link #QUOTES} quotes, most central first, one per participant (one per turn when the theme
     * has a single session), the summary's own statement left out; readable lengths before long ones.
     */
    static List<Quote> quotes(Cluster c, Statement summary) {
        boolean oneSession = c.sessions() == 1;
        List<Statement> ordered = new ArrayList<>(c.members().stream().filter(ExtractiveThemes::readable).toList());
        c.members().stream().filter(s -> !readable(s)).forEach(ordered::add);
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

    private static boolean readable(Statement s) {
        int words = s.text().split("\\s+").length;
        return words >= 6 && words <= READABLE_WORDS;
    }
}
