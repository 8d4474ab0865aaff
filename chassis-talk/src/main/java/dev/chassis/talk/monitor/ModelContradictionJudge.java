package dev.chassis.talk.monitor;

import dev.chassis.core.model.Message;
import dev.chassis.core.model.Model;
import dev.chassis.core.model.Prompt;
import dev.chassis.core.time.Deadline;
import dev.chassis.talk.signal.Claim;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** A {@link ContradictionJudge} that asks a model, expecting an answer that starts with yes or no. */
public final class ModelContradictionJudge implements ContradictionJudge {

    private final Model model;
    private final Duration timeout;

    public ModelContradictionJudge(Model model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> judge(Claim earlier, Claim later) {
        Prompt p = Prompt.of(
                Message.system("You check interview answers for contradictions. Answer 'yes: <one short reason>' if the two "
                        + "statements cannot both be true of the same person, otherwise 'no'."),
                Message.user("Earlier: \"" + earlier.quote() + "\"\nLater: \"" + later.quote() + "\""))
                .withTemperature(0).withMaxOutputTokens(60);
        String answer = model.generate(p, Deadline.in(timeout)).text().strip();
        if (answer.toLowerCase(Locale.ROOT).startsWith("yes")) {
            String reason = answer.length() > 3 ? answer.substring(3).replaceFirst("^[:,.\\s-]+", "").strip() : "";
            return Optional.of(reason.isEmpty() ? "judged contradictory" : reason);
        }
        return Optional.empty();
    }
}
