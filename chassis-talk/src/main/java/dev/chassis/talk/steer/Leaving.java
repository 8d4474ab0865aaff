package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a person asking to stop, or saying they must go ("I have to go.", "Können wir hier aufhören?"), from the
 * phrases of {@code leaving.txt}, when the phrase ends its sentence: they were told they may stop at any time, and no
 * objective left shallow is a reason to keep them.
 */
final class Leaving {

    static final String FILE = "leaving.txt";
    private static final Standing PHRASES = Standing.load(FILE);

    private Leaving() {
    }

    /** Whether {@code answer} asks to stop: a phrase of the file with at most one word after it in its sentence ("now"). */
    static boolean asked(String answer, String language) {
        return PHRASES.find(answer, language).filter(a -> a.after() <= 1).isPresent();
    }

    /** The rule: the interview ends when the person asks to stop, whatever is left and however much time. */
    static Optional<Directive> rule(SteeringContext c) {
        return asked(c.lastAnswer(), c.language())
                ? Optional.of(new Directive.WrapUp(c.language(), List.of(), "the person asked to stop"))
                : Optional.empty();
    }

    /** The languages the file has a line for. */
    static java.util.Set<String> languages() {
        return PHRASES.languages();
    }
}
