package dev.chassis.talk.guard;

import dev.chassis.talk.monitor.Signal;
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

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(ignore|disregard|forget|override)\\b.{0,40}\\b(instruction|prompt|rule|guideline|previous|above|everything)s?\\b"),
            Pattern.compile("\\b(system|initial|hidden|original)\\s+(prompt|instruction|message)s?\\b"),
            Pattern.compile("\\b(reveal|show|print|repeat|tell me|what are|output|dump)\\b.{0,30}\\b(your|the)\\s+(instruction|prompt|rule|guideline|context|briefing)s?\\b"),
            Pattern.compile("\\byou are now\\b|\\bfrom now on,? you\\b|\\bpretend (to be|you are)\\b|\\bact as (a|an|my)\\b|\\bjailbreak\\b|\\bdeveloper mode\\b"),
            Pattern.compile("\\b(ignoriere|vergiss)\\b.{0,40}\\b(anweisung|anweisungen|regeln|vorgaben)\\b|\\bsystemprompt\\b"),
            Pattern.compile("\\b(ignore[sz]?|oublie[sz]?)\\b.{0,40}\\b(instructions?|consignes?|règles)\\b"),
            Pattern.compile("\\b(ignora|olvida|ignore|esqueça)\\b.{0,40}\\b(instrucciones|instruções|reglas|regras)\\b"));

    // Words every pattern needs; a turn with none of them (almost every turn) skips the regexes.
    private static final List<String> TRIGGERS = List.of("ignor", "disregard", "forget", "override", "prompt", "instruction",
            "you are now", "from now on", "pretend", "act as", "jailbreak", "developer mode", "reveal", "vergiss", "anweisung",
            "oublie", "consigne", "olvida", "esqueça", "instrucc", "instruç");

    private TakeoverGuard() {
    }

    /** A takeover signal for this turn, or empty. */
    public static Optional<Signal> check(int turn, String utterance) {
        String t = utterance.toLowerCase(Locale.ROOT);
        if (TRIGGERS.stream().noneMatch(t::contains)) {
            return Optional.empty();
        }
        for (Pattern p : PATTERNS) {
            if (p.matcher(t).find()) {
                return Optional.of(new Signal.TakeoverAttempt(turn, "takeover-guard", utterance.strip()));
            }
        }
        return Optional.empty();
    }
}
