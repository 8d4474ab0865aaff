package dev.chassis.research.interview;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.research.guide.Guide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which mistake ledger a study's sessions keep: the folder a command or server names, else the
 * guide's {@code ledger:}, else none. One place decides, so the interview, a simulation, an evaluation,
 * a study run and the server agree.
 */
public final class StudyLedger {

    private StudyLedger() {
    }

    /**
     * The ledger for sessions of {@code guide}.
     *
     * @param named the folder named on the command line ({@code --ledger}) or by the server, which wins over the guide's
     * @throws InvalidInputException when the named folder does not exist, or an incident file in it is invalid
     */
    public static Optional<Ledger> choose(Optional<Path> named, Guide guide) {
        if (named.isPresent()) {
            return Optional.of(load(named.get(), "", "--ledger"));
        }
        return guide.ledger().map(folder -> load(folder, guide.source(), "ledger"));
    }

    /**
     * Loads a ledger folder someone named; unlike {@link Ledger#load}, a missing folder is an error, since a
     * typo would otherwise run every session without the fixes the user asked for.
     */
    public static Ledger load(Path folder, String source, String field) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(source, 0, field, "no ledger folder " + folder
                    + "; name a folder of incident files (chassis guard add writes one)");
        }
        return Ledger.load(folder);
    }

    /** One line saying what a ledger brings, for a command's header. */
    public static String describe(Ledger ledger, String harness) {
        long fixes = ledger.fixes(harness).size();
        long incidents = ledger.incidents().stream().filter(i -> i.harness().equals(harness)).count();
        return ledger.folder() + ": " + fixes + (fixes == 1 ? " fix" : " fixes") + " from " + incidents
                + (incidents == 1 ? " " + harness + " incident" : " " + harness + " incidents") + " applied";
    }
}
