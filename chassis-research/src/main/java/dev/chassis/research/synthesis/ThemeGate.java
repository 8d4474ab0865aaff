package dev.chassis.research.synthesis;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gate after the theme-writing step: the answer must be the JSON asked for, name every group once,
 * and every finding must carry quotes that {@link QuoteVerifier} finds verbatim in the cited participant
 * turn. What passes comes out with the transcript's exact words; what fails comes back as findings a
 * model can act on. A hallucinated quote therefore never reaches a {@link Theme}. Immutable, thread-safe.
 */
public final class ThemeGate {

    private final QuoteVerifier verifier;
    private final Map<Integer, Cluster> clusters;

    public ThemeGate(QuoteVerifier verifier, List<Cluster> clusters) {
        this.verifier = verifier;
        this.clusters = clusters.stream().collect(Collectors.toUnmodifiableMap(Cluster::index, Function.identity()));
    }

    /** The gate's verdict on one answer. */
    public sealed interface Verdict {
        /** Everything checked out: the themes, with exact quotes. */
        record Passed(List<Theme> themes) implements Verdict {
        }

        /**
         * Something did not: {@code problems} go back to the step; {@code salvage} holds only what passed
         * (findings without a valid quote and themes without a valid finding are left out), for use when
         * the attempts run out.
         */
        record Failed(List<String> problems, List<Theme> salvage, int rejectedQuotes) implements Verdict {
        }
    }

    public Verdict check(String answer) {
        ThemeDrafts drafts;
        try {
            drafts = StructuredReader.json().read(jsonPart(answer), "answer", ThemeDrafts.class);
        } catch (InvalidInputException e) {
            return new Verdict.Failed(List.of("the answer is not the JSON asked for: " + e.getMessage()), List.of(), 0);
        }
        List<String> problems = new ArrayList<>();
        List<Theme> themes = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int rejected = 0;
        for (int i = 0; i < drafts.themes().size(); i++) {
            ThemeDrafts.Draft d = drafts.themes().get(i);
            String at = "themes[" + i + "]";
            Cluster group = clusters.get(d.group());
            if (group == null || !seen.add(d.group())) {
                problems.add(at + ".group: " + (group == null ? "there is no group " + d.group() : "group " + d.group() + " is written twice"));
                continue;
            }
            if (d.name().isBlank()) {
                problems.add(at + ".name: every theme needs a name");
            }
            List<Finding> findings = new ArrayList<>();
            for (int f = 0; f < d.findings().size(); f++) {
                ThemeDrafts.FindingDraft fd = d.findings().get(f);
                String fat = at + ".findings[" + f + "]";
                List<Quote> exact = new ArrayList<>();
                for (int q = 0; q < fd.quotes().size(); q++) {
                    switch (verifier.check(fd.quotes().get(q))) {
                        case QuoteCheck.Verified v -> exact.add(v.exact());
                        case QuoteCheck.Rejected r -> {
                            rejected++;
                            problems.add(fat + ".quotes[" + q + "] (" + r.given().citation() + " \"" + r.given().text() + "\"): " + r.reason());
                        }
                    }
                }
                if (fd.text().isBlank()) {
                    problems.add(fat + ".text: every finding needs a sentence");
                } else if (exact.isEmpty()) {
                    problems.add(fat + ": needs at least one quote found in the transcripts");
                } else {
                    findings.add(new Finding(fd.text(), exact, (int) exact.stream().map(Quote::session).distinct().count()));
                }
            }
            if (d.findings().isEmpty()) {
                problems.add(at + ".findings: every theme needs at least one finding");
            }
            if (!findings.isEmpty() && !d.name().isBlank()) {
                themes.add(new Theme(d.name().strip(), d.summary().strip(), group.keyTerms(), findings,
                        group.sessions(), group.members().size(), group.sessionIds(), group.objective()));
            }
        }
        for (Integer g : clusters.keySet().stream().sorted().toList()) {
            if (!seen.contains(g)) {
                problems.add("group " + g + " has no theme; write one for every group");
            }
        }
        return problems.isEmpty() ? new Verdict.Passed(themes) : new Verdict.Failed(problems, themes, rejected);
    }

    /** Models wrap JSON in prose or fences; the object from the first '{' to the last '}' is the answer. */
    private static String jsonPart(String answer) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        return start >= 0 && end > start ? answer.substring(start, end + 1) : answer;
    }
}
