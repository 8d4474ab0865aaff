package dev.chassis.talk.steer;

/**
 * Recognises "it depends" said without saying on what ("Ça dépend.", "Kommt drauf an.", "看情况吧。"), from the phrases
 * of {@code depends.txt}: the answer a researcher meets with "on what?". "It depends on the client" is not one: it says.
 */
final class Depends {

    static final String FILE = "depends.txt";
    private static final Standing PHRASES = Standing.load(FILE);
    /** An answer this long says more than that it depends, whatever its first words. */
    private static final int SHORT = 8;

    private Depends() {
    }

    /** Whether {@code answer} says it depends and little else: at most one word beside the phrase in its sentence. */
    static boolean bare(String answer, String language) {
        return Declining.words(answer, language) < SHORT
                && PHRASES.find(answer, language).filter(a -> a.before() + a.after() <= 1).isPresent();
    }

    /** The languages the file has a line for. */
    static java.util.Set<String> languages() {
        return PHRASES.languages();
    }
}
