package dev.chassis.research.eval;

import dev.chassis.research.eval.score.Exchange;
import dev.chassis.research.eval.score.SessionScore;
import dev.chassis.testkit.participant.AnswerNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every evaluated session as text, to audit the judge: the conversation, what each answer did (as the
 * participant knows it), and the turns the scorers found wanting. Files are numbered; {@code index.txt}
 * says which is which (nothing a user named becomes a file name).
 */
final class SessionDump {

    private SessionDump() {
    }

    static void write(Path dir, List<Exchange> exchanges, List<SessionScore> scores) {
        try {
            Files.createDirectories(dir);
            StringBuilder index = new StringBuilder();
            for (int i = 0; i < exchanges.size(); i++) {
                String name = String.format(Locale.ROOT, "session-%04d.txt", i + 1);
                SessionScore s = scores.get(i);
                index.append(String.format(Locale.ROOT, "%s  %-14s seed %-4d %-18s %-28s composite %.3f%n", name, s.configuration(), s.seed(),
                        s.guide(), s.persona(), s.composite()));
                Files.writeString(dir.resolve(name), text(exchanges.get(i), s), StandardCharsets.UTF_8);
            }
            Files.writeString(dir.resolve("index.txt"), index.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session transcripts to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String text(Exchange x, SessionScore s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s, seed %d, guide %s, persona %s: composite %.3f%n", s.configuration(), s.seed(), s.guide(),
                s.persona(), s.composite()));
        s.parts().forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-13s %.2f%n", k, v)));
        for (int k = 0; k < x.interviewer().size(); k++) {
            Exchange.Said said = x.interviewer().get(k);
            out.append(String.format(Locale.ROOT, "%n[%d] AI (%ds)%s: %s%n", k, said.at().toSeconds(), flags(s, k), said.text()));
            if (k < x.answers().size()) {
                AnswerNote a = x.answers().get(k);
                out.append(String.format(Locale.ROOT, "    P [%s%s%s, engagement %.2f]: %s%n", a.language(),
                        a.mixedIn().map(m -> "+" + m).orElse(""), " " + a.kinds().stream().map(Enum::name).map(n -> n.toLowerCase(Locale.ROOT))
                                .sorted().collect(Collectors.joining(",")), a.engagement(), a.text()));
            }
        }
        out.append("\nquestions judged wanting:\n");
        s.questions().bad().forEach(b -> out.append("  ").append(b).append('\n'));
        out.append("depth per objective: ").append(s.depth().depth()).append('\n');
        return out.toString();
    }

    private static String flags(SessionScore s, int k) {
        StringBuilder f = new StringBuilder();
        if (s.contradiction().putBackAt().orElse(-1) == k) {
            f.append(" put-back");
        }
        if (s.contradiction().alarms().contains(k)) {
            f.append(" FALSE-ALARM");
        }
        if (s.language().misses().contains(k)) {
            f.append(" LANGUAGE-MISS");
        }
        return f.length() == 0 ? "" : " {" + f.toString().strip() + "}";
    }
}
