package dev.chassis.bench.talk;

import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptCsv;
import dev.chassis.research.transcript.Turn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real participant turns to replay, from the public interview transcripts in {@code ../shared/data/interviews}
 * (or {@code -Dchassis.shared.dir}). Without them, a small set of written answers stands in, and a line says so.
 */
final class Corpus {

    private Corpus() {
    }

    static List<String> participantTurns() {
        Path dir = Path.of(System.getProperty("chassis.shared.dir", "../shared")).resolve("data/interviews");
        List<String> turns = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            for (String name : List.of("creatives_transcripts.csv", "scientists_transcripts.csv")) {
                Path f = dir.resolve(name);
                if (Files.exists(f)) {
                    for (Transcript t : TranscriptCsv.read(f)) {
                        for (Turn turn : t.participantTurns()) {
                            if (!turn.text().isBlank()) {
                                turns.add(turn.text().strip());
                            }
                        }
                    }
                }
            }
        }
        if (turns.isEmpty()) {
            System.out.println("(no interview transcripts at " + dir + ": replaying built-in answers instead)");
            turns.addAll(List.of(
                    "I mostly use it for brainstorming when I'm stuck on a project, and sometimes for emails.",
                    "Honestly it depends on the week. Some weeks every day, some weeks not at all.",
                    "The hardest part was trusting the output, I always double-check the references.",
                    "I started about two years ago when a colleague showed me how she drafts grant proposals with it.",
                    "I don't really use it for the creative part, more for the admin around it.",
                    "It saves me maybe an hour a day, which matters when you're freelancing."));
        } else {
            System.out.println("(replaying " + turns.size() + " real participant turns from " + dir + ")");
        }
        return turns;
    }
}
