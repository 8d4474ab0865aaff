package dev.chassis.research.eval;

import dev.chassis.research.eval.score.SessionScore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evaluation per participant language, for one configuration: composite, turns in the language,
 * form of address as the culture expects, hard moments acknowledged, objectives covered, facts, and
 * question quality. Sessions of a language are pooled over seeds.
 */
final class LanguageTable {

    private LanguageTable() {
    }

    /** Rows by the persona's first language, for {@code configuration}; empty when only one language was evaluated. */
    static String of(EvaluationReport r, String configuration) {
        Map<String, List<SessionScore>> byLanguage = r.sessions(configuration).stream()
                .collect(Collectors.groupingBy(s -> s.address().language(), TreeMap::new, Collectors.toList()));
        if (byLanguage.size() < 2) {
            return "";
        }
        StringBuilder out = new StringBuilder(EvaluationReport.locale("%nper language (%s):%n%-5s %8s %9s %8s %8s %8s %7s %6s %9s%n", configuration,
                "lang", "sessions", "composite", "language", "address", "emotion", "depth", "facts", "questions"));
        byLanguage.forEach((language, sessions) -> out.append(EvaluationReport.locale("%-5s %8d %9.3f %8s %8s %8s %7.2f %6s %9.2f%n", language,
                sessions.size(), mean(sessions, SessionScore::composite),
                share(sessions, s -> s.language().inLanguage(), s -> s.language().judged()),
                share(sessions.stream().filter(s -> s.address().expected().isPresent()).toList(), s -> s.address().inForm(),
                        s -> s.address().addressed()),
                share(sessions, s -> s.conversation().acknowledged(), s -> s.conversation().disclosures()),
                mean(sessions, s -> s.depth().share()), EvaluationReport.percent(average(sessions, SessionScore::factsElicited)),
                mean(sessions, s -> s.questions().quality()))));
        out.append("language: interviewer turns wholly in it; address: turns in the form of address the participant's culture expects, "
                + "of those that use one; emotion: hard moments acknowledged before any question; depth: objectives explored\n");
        return out.toString();
    }

    private static double mean(List<SessionScore> sessions, Function<SessionScore, Double> f) {
        return sessions.stream().mapToDouble(f::apply).average().orElse(0);
    }

    private static Optional<Double> average(List<SessionScore> sessions, Function<SessionScore, Optional<Double>> f) {
        double[] v = sessions.stream().map(f).flatMap(Optional::stream).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? Optional.empty() : Optional.of(java.util.Arrays.stream(v).average().orElse(0));
    }

    /** {@code hits/of} pooled over sessions, as "n/m"; "-" when there was nothing to judge. */
    private static String share(List<SessionScore> sessions, Function<SessionScore, Integer> hits, Function<SessionScore, Integer> of) {
        int h = sessions.stream().mapToInt(hits::apply).sum();
        int n = sessions.stream().mapToInt(of::apply).sum();
        return n == 0 ? "-" : h + "/" + n;
    }
}
