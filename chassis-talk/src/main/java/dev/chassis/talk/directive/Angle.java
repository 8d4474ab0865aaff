package dev.chassis.talk.directive;

import java.util.Locale;

/**
 * The ways an experienced researcher asks for more on a topic when the answers were thin, without quoting the person and
 * without asking a planned question again: what it depends on, the last concrete time, who else is involved, and so on.
 * A closed set: each has a wording in every language the offline realiser speaks ({@code angles.yaml}), and steering
 * uses each at most once per objective, so no wording is said twice in an interview.
 */
public enum Angle {
    /** After "it depends": on what. Only as a reply to an answer that said so and no more. */
    DEPENDS("what it depends on (they said it depends, without saying on what)"),
    /**
     * What more they can say on it as the guide describes it: named by the guide's description of the objective (its first
     * part), not its title, so the question carries the guide's own words for it.
     */
    ABOUT("what more they can say on it, as the guide describes it"),
    LAST_TIME("what happened the last concrete time it came up"),
    OTHERS("who else is involved in it besides them"),
    HARDEST("what the most difficult part of it is for them"),
    WORKAROUND("what they do when it does not go as planned"),
    BEFORE("how it was before, compared with now"),
    CHANGE("what would make the biggest difference for them"),
    TYPICAL("what a typical case looks like from start to finish"),
    MATTERS("what matters most to them in it"),
    ADVICE("what they would tell someone facing it for the first time");

    private final String asks;

    Angle(String asks) {
        this.asks = asks;
    }

    /** What a question from this angle asks about, for a model that words it itself. */
    public String asks() {
        return asks;
    }

    /** The angle's key in the realiser's wordings. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
