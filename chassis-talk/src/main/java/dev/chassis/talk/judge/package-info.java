/**
 * Model-backed monitors: when a real model is configured ({@link dev.chassis.talk.judge.ModelJudges}),
 * coverage, emotion and contradiction also ask a small model beside the turn, within their own budget, and
 * its strict JSON verdict becomes the same signals the lexical tier raises. A late answer is dropped and
 * counted; a failing or malformed one leaves the lexical verdict standing and says so as a
 * {@link dev.chassis.talk.observe.TalkEvent.JudgeAsked} event. The turn never waits for a judge.
 */
package dev.chassis.talk.judge;
