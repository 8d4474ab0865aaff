package dev.chassis.research.synthesis;

import dev.chassis.research.guide.Guide;
import dev.chassis.talk.stage.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * The objectives of an interview guide as synthesis measures them: the objective's id (live coverage
 * marks refer to it), its title as the label, and as cues everything that says what it covers (title,
 * description, questions, probes, keywords), so that a question the interviewer rephrased still finds
 * its objective. Stateless.
 *
 * <pre>{@code
 * Synthesizer.builder().objectives(GuideObjectives.of(GuideFile.load(Path.of("guide.yaml"))))
 * }</pre>
 */
public final class GuideObjectives {

    private GuideObjectives() {
    }

    public static List<SynthesisObjective> of(Guide guide) {
        List<SynthesisObjective> out = new ArrayList<>();
        for (Objective o : guide.objectives()) {
            List<String> cues = new ArrayList<>();
            cues.add(o.title());
            if (!o.description().isBlank()) {
                cues.add(o.description());
            }
            cues.addAll(o.questions());
            cues.addAll(o.probes());
            cues.addAll(o.keywords());
            out.add(new SynthesisObjective(o.id(), o.title(), cues));
        }
        return out;
    }
}
