package dev.chassis.bench.talk;

import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The briefing every talk benchmark stages: an hour-long interview about AI in people's work. */
final class Briefings {

    private Briefings() {
    }

    static Briefing interview() {
        return new Briefing("Understand how professionals use AI tools in their work.", "en", List.of("en"), Duration.ofMinutes(600),
                List.of(
                        new Objective("role", "Their work", "What they do and what a typical project looks like", 5, 0.15,
                                List.of("Could you tell me about your work and what a typical project looks like?",
                                        "What does a normal week look like for you?"), List.of("What makes a project go well?"), List.of("work", "project")),
                        new Objective("usage", "How they use AI", "Where and when AI fits in", 5, 0.35,
                                List.of("Where in your work do you find yourself reaching for AI tools?", "Walk me through the last time you used one.",
                                        "What do you never use it for?"), List.of("What did you do with the result?"), List.of("ai", "tool", "use")),
                        new Objective("trust", "Trust and checking", "How they decide what to trust", 4, 0.25,
                                List.of("How do you decide whether to trust what it gives you?", "Has it ever got something badly wrong for you?"),
                                List.of(), List.of("trust", "check", "wrong")),
                        new Objective("future", "The future", "How they see their field changing", 3, 0.25,
                                List.of("How do you see your field changing over the next few years?"), List.of(), List.of("future", "change"))),
                Map.of("field", "mixed"), List.of("Do not give advice.", "One question at a time."),
                List.of("Participants consented to publication."), "Hi, thanks for joining. Let's talk about your work.");
    }
}
