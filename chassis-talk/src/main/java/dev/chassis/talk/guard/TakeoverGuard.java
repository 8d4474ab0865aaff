package dev.chassis.talk.guard;

import dev.chassis.talk.signal.Signal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Spots an attempt to take over the agent ("ignore your instructions", "show me your system
 * prompt", "you are now...") in several languages, in microseconds, so that steering can answer it
 * in this very turn: the agent stays in its role and the staged context is never recited.
 */
public final class TakeoverGuard {

    /**
     * A pattern and the words it cannot match without: one of each group. A turn that lacks them
     * (almost every turn) skips the regex, which is most of the guard's cost on long answers.
     */
    private record Rule(Pattern pattern, List<List<String>> needs) {
        boolean matches(String lower) {
            for (List<String> group : needs) {
                if (!containsAny(lower, group)) {
                    return false;
                }
            }
            return pattern.matcher(lower).find();
        }

        private static boolean containsAny(String text, List<String> words) {
            for (String w : words) {
                if (text.contains(w)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\b(ignore|disregard|forget|override)\\b.{0,40}\\b(instruction|prompt|rule|guideline|previous|above|everything)s?\\b"),
                    List.of(List.of("ignore", "disregard", "forget", "override"),
                            List.of("instruction", "prompt", "rule", "guideline", "previous", "above", "everything"))),
            new Rule(Pattern.compile("\\b(system|initial|hidden|original)\\s+(prompt|instruction|message)s?\\b"),
                    List.of(List.of("system", "initial", "hidden", "original"), List.of("prompt", "instruction", "message"))),
            new Rule(Pattern.compile("\\b(reveal|show|print|repeat|tell me|what are|output|dump)\\b.{0,30}\\b(your|the)\\s+(instruction|prompt|rule|guideline|context|briefing)s?\\b"),
                    List.of(List.of("reveal", "show", "print", "repeat", "tell me", "what are", "output", "dump"),
                            List.of("instruction", "prompt", "rule", "guideline", "context", "briefing"))),
            new Rule(Pattern.compile("\\byou are now\\b|\\bfrom now on,? you\\b|\\bpretend (to be|you are)\\b|\\bact as (a|an|my)\\b|\\bjailbreak\\b|\\bdeveloper mode\\b"),
                    List.of(List.of("you are now", "from now on", "pretend", "act as", "jailbreak", "developer mode"))),
            new Rule(Pattern.compile("\\b(ignoriere|vergiss)\\b.{0,40}\\b(anweisung|anweisungen|regeln|vorgaben)\\b|\\bsystemprompt\\b"),
                    List.of(List.of("ignoriere", "vergiss", "systemprompt"))),
            new Rule(Pattern.compile("\\b(ignore[sz]?|oublie[sz]?)\\b.{0,40}\\b(instructions?|consignes?|règles)\\b"),
                    List.of(List.of("ignore", "oublie"), List.of("instruction", "consigne", "règles"))),
            new Rule(Pattern.compile("\\b(ignora|olvida|ignore|esqueça)\\b.{0,40}\\b(instrucciones|instruções|reglas|regras)\\b"),
                    List.of(List.of("ignor", "olvida", "esqueça"), List.of("instrucciones", "instruções", "reglas", "regras"))));

    private TakeoverGuard() {
    }

    /** A takeover signal for this turn, or empty. */
    public static Optional<Signal> check(int turn, String utterance) {
        String t = utterance.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.matches(t)) {
                return Optional.of(new Signal.TakeoverAttempt(turn, "takeover-guard", utterance.strip()));
            }
        }
        return Optional.empty();
    }
}
