package dev.chassis.testkit.participant;

import dev.chassis.talk.steer.QuestionCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A persona in a conversation: answers each question from its topics, gives hidden facts only when
 * asked about them, states its planted contradiction (early, then the opposite later), loses
 * engagement on long, leading, double-barrelled or repeated questions and regains it on short warm
 * ones, switches language when planned, and takes its time. Deterministic: the same persona, seed and
 * questions give the same answers. One conversation per instance; not thread-safe.
 */
public final class SyntheticParticipant {

    private static final List<String> WARM = List.of("thank", "i see", "got it", "that's helpful", "sorry", "take your time", "sounds",
            "danke", "verstehe", "merci", "gracias", "obrigad", "なるほど", "ありがとう", "धन्यवाद", "شكرا");

    /** An answer and how long the person took to start it. */
    public record Reply(String text, Duration delay, double engagement) { }

    private final Persona persona;
    private final SplittableRandom random;
    private final Map<Persona.Topic, Integer> used = new HashMap<>();
    private final Set<String> questions = new HashSet<>();
    private final List<Double> history = new ArrayList<>();
    private double engagement;
    private int answers;
    private boolean saidEarly;
    private boolean saidLate;
    private boolean saidEmotional;
    private int generalIndex;

    public SyntheticParticipant(Persona persona, long seed) {
        this.persona = persona;
        this.random = new SplittableRandom(seed);
        this.engagement = persona.engagement().start();
    }

    public Persona persona() {
        return persona;
    }

    /** Engagement after each answer so far. */
    public List<Double> engagementHistory() {
        return List.copyOf(history);
    }

    /** Whether the planted contradiction has been stated both ways. */
    public boolean contradictionStated() {
        return saidEarly && saidLate;
    }

    /** The answer number at which the contradiction's second half was said, or 0. */
    public int contradictionAt() {
        return saidLate ? persona.contradiction().map(Persona.Contradiction::from).orElse(0) : 0;
    }

    /** Answers the interviewer's last words. */
    public Reply answer(String interviewer) {
        answers++;
        String q = interviewer.toLowerCase(Locale.ROOT);
        react(interviewer, q);
        String text = compose(q);
        history.add(round(engagement));
        double jitter = 0.8 + 0.4 * random.nextDouble();
        Duration delay = Duration.ofMillis((long) (persona.pace().toMillis() * (1 + (1 - engagement)) * jitter));
        return new Reply(text, delay, round(engagement));
    }

    private void react(String original, String q) {
        Persona.Engagement e = persona.engagement();
        String question = QuestionCheck.lastQuestion(original).orElse(original.strip());
        String key = question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        int words = original.strip().split("\\s+").length;
        if (words > 45) {
            engagement -= e.longQuestion();
        }
        if (QuestionCheck.leading(question)) {
            engagement -= e.leading();
        }
        if (QuestionCheck.doubleBarrelled(question)) {
            engagement -= e.doubleBarrelled();
        }
        if (!key.isEmpty() && !questions.add(key)) {
            engagement -= e.repeated();
        }
        if (question.split("\\s+").length <= 14 && WARM.stream().anyMatch(q::contains)) {
            engagement += e.shortWarm();
        }
        engagement = Math.max(0.05, Math.min(1, engagement));
    }

    private String compose(String q) {
        if (persona.lowEffort()) {
            return persona.fillers().get(answers % persona.fillers().size());
        }
        if (persona.languageSwitch().isPresent() && answers >= persona.languageSwitch().get().from()) {
            List<String> say = persona.languageSwitch().get().say();
            return say.get((answers - persona.languageSwitch().get().from()) % say.size());
        }
        if (engagement < persona.engagement().fillerBelow()) {
            return persona.fillers().get(random.nextInt(persona.fillers().size()));
        }
        StringBuilder out = new StringBuilder();
        if (persona.emotional().isPresent() && !saidEmotional && matches(q, persona.emotional().get().keywords())) {
            out.append(persona.emotional().get().say().getFirst());
            saidEmotional = true;
        } else {
            Persona.Topic fact = best(persona.facts(), q);
            Persona.Topic topic = best(persona.answers(), q);
            if (fact != null) {
                out.append(next(fact));
            } else if (topic != null) {
                out.append(next(topic));
            } else if (!persona.general().isEmpty()) {
                out.append(persona.general().get(generalIndex++ % persona.general().size()));
            } else {
                out.append(persona.fillers().getFirst());
            }
        }
        persona.contradiction().ifPresent(c -> {
            if (!saidEarly && (answers >= 2 || matches(q, c.keywords()))) {
                out.append(' ').append(c.early());
                saidEarly = true;
            } else if (saidEarly && !saidLate && answers >= c.from()) {
                out.append(' ').append(c.late());
                saidLate = true;
            }
        });
        String text = out.toString().strip();
        if (engagement < 0.55) {
            int end = text.indexOf(". ");
            text = end > 0 ? text.substring(0, end + 1) : text; // disengaged: one sentence
        }
        return text;
    }

    private String next(Persona.Topic topic) {
        int n = used.merge(topic, 1, Integer::sum) - 1;
        if (n < topic.say().size()) {
            return topic.say().get(n);
        }
        return "Like I said, " + Character.toLowerCase(topic.say().getLast().charAt(0)) + topic.say().getLast().substring(1);
    }

    private static Persona.Topic best(List<Persona.Topic> topics, String q) {
        Persona.Topic best = null;
        int bestHits = 0;
        for (Persona.Topic t : topics) {
            int hits = (int) t.keywords().stream().filter(k -> containsWord(q, k)).count();
            if (hits > bestHits) {
                best = t;
                bestHits = hits;
            }
        }
        return best;
    }

    private static boolean matches(String q, List<String> keywords) {
        return keywords.stream().anyMatch(k -> containsWord(q, k));
    }

    private static boolean containsWord(String text, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
            if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                return true; // a word start: "setup" matches "setup", "setups"
            }
        }
        return false;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
