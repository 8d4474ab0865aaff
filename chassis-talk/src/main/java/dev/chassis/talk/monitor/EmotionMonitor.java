package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Lexicon;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notices emotional moments: phrases that carry strong feeling (a loss, fear, exhaustion, pride)
 * in the person's language, with the sentence that carried them, so steering can acknowledge
 * before moving on and the state remembers them.
 */
public final class EmotionMonitor implements Monitor {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]+[.!?。！？]?");
    private static final Set<String> POSITIVE = Set.of("so proud", "thrilled", "dream come true", "so stolz", "tellement fier",
            "muy orgulloso", "muito orgulhoso", "誇り");

    @Override
    public String name() {
        return "emotion";
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState s) {
        List<String> found = Lexicon.strongFeelings(turn.text(), s.language());
        if (found.isEmpty()) {
            return List.of();
        }
        String phrase = found.getFirst();
        boolean positive = found.stream().allMatch(POSITIVE::contains);
        double valence = positive ? 0.8 : Math.min(-0.4, Lexicon.sentiment(turn.text(), s.language()) - 0.4);
        double intensity = Math.min(1.0, 0.6 + 0.15 * (found.size() - 1));
        return List.of(new Signal.EmotionNoted(turn.turn(), name(), sentenceWith(turn.text(), phrase), valence, intensity));
    }

    private static String sentenceWith(String text, String phrase) {
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            if (m.group().toLowerCase(Locale.ROOT).replace('’', '\'').contains(phrase)) {
                return m.group().strip();
            }
        }
        return text.strip();
    }
}
