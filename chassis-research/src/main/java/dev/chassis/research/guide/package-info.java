/**
 * Interview guides: what a study wants to learn (objectives with priority and share of time,
 * questions and probes), in which languages, for how long, with what consent text. Loaded from YAML
 * with every error located; turned into the talk harness's {@link dev.chassis.talk.stage.Briefing}.
 */
package dev.chassis.research.guide;
