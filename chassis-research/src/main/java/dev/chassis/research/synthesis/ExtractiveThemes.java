package dev.chassis.research.synthesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes themes without a model: the name from the group's key terms, findings from which terms the
 * sessions share, quotes from the most central statements. Only counts and the participants' own
 * words are used, so nothing is invented. Stateless and deterministic.
 */
final class ExtractiveThemes {

    static final int QUOTES_PER_FINDING = 3;
    private static final int FINDINGS = 3;

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
        List<String> terms = c.keyTerms();
        String name = name(terms);
        String summary = "Came up in " + c.sessions() + " of " + sessionsTotal + " sessions (" + c.members().size()
                + " statements)" + (terms.isEmpty() ? "." : ", around " + list(terms.subList(0, Math.min(4, terms.size()))) + ".");
        List<ThemeDrafts.FindingDraft> findings = new ArrayList<>();
        Set<Statement> used = new HashSet<>();
        for (String term : terms) {
            if (findings.size() == FINDINGS) {
                break;
            }
            List<Statement> with = c.members().stream().filter(s -> s.terms().contains(term)).toList();
            long sessions = with.stream().map(Statement::session).distinct().count();
            List<Quote> quotes = pick(with, used);
            if (sessions < Math.min(2, c.sessions()) || quotes.isEmpty()) {
                continue;
            }
            findings.add(new ThemeDrafts.FindingDraft(sessions + " of " + sessionsTotal + " sessions mention "
                    + quoted(term) + companions(with, term, terms) + ".", quotes));
        }
        if (findings.isEmpty()) {
            findings.add(new ThemeDrafts.FindingDraft("Typical statements in " + c.sessions() + " of "
                    + sessionsTotal + " sessions.", pick(c.members(), used)));
        }
        return new ThemeDrafts.Draft(c.index(), name, summary, findings);
    }

    /** Up to three quotes, most central first, one per session, none used before in this theme. */
    private static List<Quote> pick(List<Statement> ranked, Set<Statement> used) {
        List<Quote> out = new ArrayList<>();
        Set<String> sessions = new HashSet<>();
        for (Statement s : ranked) {
            if (out.size() == QUOTES_PER_FINDING) {
                break;
            }
            if (!used.contains(s) && sessions.add(s.session())) {
                used.add(s);
                out.add(s.quote());
            }
        }
        return out;
    }

    /** ", often with 'x' and 'y'": the key terms that most often share a statement with {@code term}. */
    private static String companions(List<Statement> with, String term, List<String> keyTerms) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String k : keyTerms) {
            if (!k.equals(term)) {
                int n = (int) with.stream().filter(s -> s.terms().contains(k)).count();
                if (n >= 2) {
                    counts.put(k, n);
                }
            }
        }
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(2).map(Map.Entry::getKey).toList();
        return top.isEmpty() ? "" : ", often with " + list(top);
    }

    static String name(List<String> terms) {
        if (terms.isEmpty()) {
            return "Other statements";
        }
        List<String> head = terms.subList(0, Math.min(3, terms.size()));
        String joined = head.size() == 1 ? head.getFirst()
                : String.join(", ", head.subList(0, head.size() - 1)) + " and " + head.getLast();
        return joined.substring(0, 1).toUpperCase(Locale.ROOT) + joined.substring(1);
    }

    private static String list(List<String> terms) {
        List<String> q = terms.stream().map(ExtractiveThemes::quoted).toList();
        return q.size() == 1 ? q.getFirst() : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.getLast();
    }

    private static String quoted(String term) {
        return "‘" + term + "’";
    }
}
