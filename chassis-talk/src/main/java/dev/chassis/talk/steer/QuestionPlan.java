package dev.chassis.talk.steer;

import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.state.Coverage;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.state.QuestionWording;
import dev.chassis.talk.text.Analysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which question comes next, never one already asked (in any language the guide words it in): the
 * current objective's unasked questions in order, then the next objective by priority among those not
 * covered. Questions are worded in the plan's language. A topic the person declined is left alone:
 * its objective is done, and no later question or probe that names it is asked. Also makes the short
 * form of a question for a disengaged person, different from anything asked before.
 */
public final class QuestionPlan {

    private final SessionState state;
    private final String language;
    private final Declined declined;

    QuestionPlan(SessionState state) {
        this(state, state.language(), Declined.of(state));
    }

    private QuestionPlan(SessionState state, String language, Declined declined) {
        this.state = state;
        this.language = language;
        this.declined = declined;
    }

    /** The same plan with its questions worded in {@code language} (where the guide has them there). */
    public QuestionPlan in(String language) {
        return language.equals(this.language) ? this : new QuestionPlan(state, language, declined);
    }

    /**
     * The language its questions are worded in: the plan's (the session's, unless {@link #in} chose another)
     * where the guide has a wording there, else the guide's own, which the questions then fall back to.
     */
    public String wordedIn() {
        Briefing b = briefing();
        return language.equals(b.language()) || b.translations().containsKey(language) ? language : b.language();
    }

    /** Whether {@code language} has its own lead-ins for asking a repeated question briefly. */
    static boolean asksBrieflyIn(String language) {
        return BRIEFLY.containsKey(language);
    }

    /** Whether this exact question (ignoring case and spacing) was asked before. */
    public boolean wasAsked(String question) {
        return state.asked().includes(question);
    }

    /** The objective as worded in the plan's language. */
    public Objective objective(String id) {
        return briefing().objective(id, language);
    }

    /** The next unasked question of the current objective. */
    public Optional<String> nextQuestion() {
        return nextQuestion(state.currentObjective());
    }

    /** The next unasked question of {@code objectiveId}; none for a declined objective. */
    public Optional<String> nextQuestion(String objectiveId) {
        if (declined.objectives().contains(objectiveId)) {
            return Optional.empty();
        }
        List<Objective> wordings = briefing().everyWording(objectiveId);
        List<String> here = objective(objectiveId).questions();
        for (int i = 0; i < here.size(); i++) {
            if (!asked(wordings, i, Objective::questions) && !declined.names(here.get(i), language)) {
                return Optional.of(here.get(i));
            }
        }
        return Optional.empty();
    }

    /** The next unasked probe of the current objective. */
    public Optional<String> nextProbe() {
        return nextProbe(state.currentObjective());
    }

    /** The next unasked probe of {@code objectiveId}; none for a declined objective. */
    public Optional<String> nextProbe(String objectiveId) {
        if (declined.objectives().contains(objectiveId)) {
            return Optional.empty();
        }
        List<Objective> wordings = briefing().everyWording(objectiveId);
        List<String> here = objective(objectiveId).probes();
        for (int i = 0; i < here.size(); i++) {
            if (!asked(wordings, i, Objective::probes) && !declined.names(here.get(i), language)) {
                return Optional.of(opened(here.get(i)));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} names a topic the person declined (their words for it, or the declined objective's keywords). */
    public boolean namesDeclined(String text) {
        return declined.names(text, language);
    }

    /** Whether {@code terms} (stemmed, as {@link Declining#topic} gives them) name the topic of {@code objectiveId}: one of its keywords. */
    public boolean topicNamed(String objectiveId, java.util.Collection<String> terms) {
        return !terms.isEmpty() && keywordTerms(briefing(), objectiveId, language).stream().anyMatch(terms::contains);
    }

    private static Set<String> keywordTerms(Briefing b, String objectiveId, String language) {
        return Analysis.termSet(String.join(" ", b.objective(objectiveId, language).keywords()), language);
    }

    /** Whether the person declined to talk about this objective. */
    public boolean declined(String objectiveId) {
        return declined.objectives().contains(objectiveId);
    }

    /** The objective to move to: the most important one not covered that still has a question, or empty. */
    public Optional<String> nextObjective() {
        return nextObjective(List.of());
    }

    /** {@link #nextObjective()} leaving out the objectives whose keywords name one of {@code declinedTerms}. */
    public Optional<String> nextObjective(List<String> declinedTerms) {
        Objective best = null;
        for (Objective o : briefing().objectives()) {
            if (o.id().equals(state.currentObjective()) || topicNamed(o.id(), declinedTerms)) {
                continue;
            }
            Coverage c = state.coverage().getOrDefault(o.id(), Coverage.NONE);
            if (c.covered() || nextQuestion(o.id()).isEmpty()) {
                continue;
            }
            if (best == null || o.priority() > best.priority()) {
                best = o;
            }
        }
        return Optional.ofNullable(best).map(Objective::id);
    }

    /**
     * An objective, other than the current one, that is not covered and still has a probe to ask: the most
     * important first. Used when the planned questions have run out with time left.
     */
    public Optional<String> objectiveToDeepen() {
        Objective best = null;
        for (Objective o : briefing().objectives()) {
            Coverage c = state.coverage().getOrDefault(o.id(), Coverage.NONE);
            if (o.id().equals(state.currentObjective()) || c.covered() || nextProbe(o.id()).isEmpty()) {
                continue;
            }
            if (best == null || o.priority() > best.priority()) {
                best = o;
            }
        }
        return Optional.ofNullable(best).map(Objective::id);
    }

    /** With everything covered, the most important objective whose guide still has a follow-up unasked (the current one too). */
    public Optional<String> objectiveWithProbeLeft() {
        return objectiveWithProbeLeft(Set.of());
    }

    /** {@link #objectiveWithProbeLeft()} among the objectives other than {@code except}, else among all. */
    public Optional<String> objectiveWithProbeLeft(Set<String> except) {
        Objective best = null;
        for (Objective o : briefing().objectives()) {
            if (!except.contains(o.id()) && nextProbe(o.id()).isPresent() && (best == null || o.priority() > best.priority())) {
                best = o;
            }
        }
        return best == null && !except.isEmpty() ? objectiveWithProbeLeft(Set.of()) : Optional.ofNullable(best).map(Objective::id);
    }

    /**
     * A shorter, simpler form of {@code question} that was not asked before: its first clause, at
     * most twelve words; if even that was asked, an even shorter lead-in.
     */
    public String simpler(String question) {
        String q = question.strip();
        for (String[] leads : BRIEFLY.values()) {
            for (String lead : leads) {
                if (q.regionMatches(true, 0, lead, 0, lead.length()) && q.length() > lead.length()) {
                    q = q.substring(lead.length()).strip(); // never "In a sentence or two: in a sentence or two: ..."
                    q = Character.toUpperCase(q.charAt(0)) + q.substring(1);
                }
            }
        }
        String first = firstPart(q);
        if (!wasAsked(first) && !QuestionWording.key(first).equals(QuestionWording.key(q))) {
            return first;
        }
        // Asked already as it is: ask for the short version of the answer instead of repeating the words.
        List<String> briefly = briefly(first);
        return wasAsked(briefly.get(0)) ? briefly.get(1) : briefly.get(0);
    }

    /** {@code question} behind each of the language's lead-ins for asking briefly ("In a sentence or two: ..."). */
    private List<String> briefly(String question) {
        String[] leads = BRIEFLY.getOrDefault(language, BRIEFLY.get("en"));
        String tail = language.equals("de") ? question : Character.toLowerCase(question.charAt(0)) + question.substring(1);
        return List.of(leads[0] + " " + tail, leads[1] + " " + tail);
    }

    private Briefing briefing() {
        return state.staged().briefing();
    }

    /**
     * {@code question}, in the language it is worded in, put open where it is leading or closed
     * ({@link QuestionCheck#opened}); as written where it cannot be, so that it is asked once like that.
     */
    public String opened(String question) {
        return QuestionCheck.opened(question, wordedIn());
    }

    /** Whether the i-th question (or probe) was asked in any wording: as written, in its first part, or either put open. */
    private boolean asked(List<Objective> wordings, int i, java.util.function.Function<Objective, List<String>> list) {
        // everyWording lists the guide's own wording first, then its translations in order.
        List<String> languages = new ArrayList<>(List.of(briefing().language()));
        languages.addAll(briefing().translations().keySet());
        for (int w = 0; w < wordings.size(); w++) {
            List<String> qs = list.apply(wordings.get(w));
            if (i < qs.size()) {
                String q = qs.get(i);
                String in = w < languages.size() ? languages.get(w) : briefing().language();
                // Asked briefly to a disengaged person ("In a sentence or two: ...") is asked too: never again in full.
                if (wasAsked(q) || wasAsked(firstPart(q)) || wasAsked(QuestionCheck.opened(q, in))
                        || wasAsked(QuestionCheck.opened(firstPart(q), in)) || briefly(firstPart(q)).stream().anyMatch(this::wasAsked)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the person declined: the objectives they were on, and the words that named the topic. */
    record Declined(Set<String> objectives, Set<String> terms) {

        static Declined of(SessionState s) {
            Set<String> objectives = new HashSet<>();
            Set<String> terms = new HashSet<>();
            for (Directive.Respect r : s.declines()) { // kept by the state as issued: no scan of the session's log
                objectives.add(r.objectiveId());
                terms.addAll(r.terms());
            }
            if (objectives.isEmpty()) {
                return NONE;
            }
            // The topic is the guide's as much as the person's words: a declined objective's keywords name it too (a
            // follow-up elsewhere on "filing" after "I'd rather not get into tax"), and an objective the declined words
            // name is declined with it ("rather not talk about pricing" said during another objective).
            Briefing b = s.staged().briefing();
            Set<String> named = Set.copyOf(terms);
            for (Objective o : b.objectives()) {
                Set<String> topic = keywordTerms(b, o.id(), s.language());
                if (objectives.contains(o.id())) {
                    terms.addAll(topic);
                } else if (topic.stream().anyMatch(named::contains)) {
                    objectives.add(o.id());
                    terms.addAll(topic);
                }
            }
            return new Declined(Set.copyOf(objectives), Set.copyOf(terms));
        }

        private static final Declined NONE = new Declined(Set.of(), Set.of());

        /** Whether {@code question} names a declined topic. */
        boolean names(String question, String language) {
            if (terms.isEmpty()) {
                return false;
            }
            List<String> said = new ArrayList<>(Analysis.termSet(question, language));
            return said.stream().anyMatch(terms::contains);
        }
    }

    /** Whether {@link #firstPart} cuts anything off {@code question}: a second question it knows how to tell apart. */
    public static boolean cuts(String question) {
        return !QuestionWording.key(firstPart(question)).equals(QuestionWording.key(question));
    }

    /**
     * The first of the questions a question asks: cut at a second question mark or at a conjunction that
     * starts a second question ("..., and in which do you avoid it?"), with asides such as ", if anything,"
     * removed, ending in a question mark.
     */
    public static String firstPart(String question) {
        String q = ASIDE.matcher(question.strip()).replaceAll("");
        int mark = q.indexOf('?');
        if (mark > 0 && mark < q.length() - 1) {
            q = q.substring(0, mark + 1);
        }
        java.util.regex.Matcher join = SECOND_QUESTION.matcher(q);
        if (join.find() && join.start() > 0) {
            q = q.substring(0, join.start());
        }
        q = q.strip().replaceAll("[,;:—–]$", "");
        return q.endsWith("?") || q.endsWith("？") || q.endsWith("؟") ? q : q.replaceAll("[.!。]$", "") + "?";
    }

    private static final java.util.regex.Pattern ASIDE =
            java.util.regex.Pattern.compile("(?i),\\s*(if anything|if at all|roughly|exactly|in general|by the way)\\s*,");
    // A conjunction that starts a second question: "..., and in which do you avoid it?"
    private static final java.util.regex.Pattern SECOND_QUESTION = java.util.regex.Pattern.compile(
            ",?\\s+(?:and|or|und|oder|et|ou|y|o|e)\\s+(?:(?:in|en|dans|em|bei|an|on|at)\\s+)?(?:how|what|why|when|where|which|who|do|did|would|"
                    + "wie|was|warum|wann|welche|welchen|welcher|comment|pourquoi|quand|quel|quels|quelle|quelles|cómo|qué|cuál|cuáles|como|"
                    + "quando|qual|quais)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Lead-ins that make a repeated question a request for a short answer, per language. */
    // Every supported language has its own: an English lead-in before a Swedish question is a reply out of language.
    private static final java.util.Map<String, String[]> BRIEFLY = java.util.Map.ofEntries(
            java.util.Map.entry("en", new String[] {"In a sentence or two:", "In a word or two:"}),
            java.util.Map.entry("de", new String[] {"In ein, zwei Sätzen:", "In ein, zwei Worten:"}),
            java.util.Map.entry("fr", new String[] {"En une ou deux phrases :", "En un ou deux mots :"}),
            java.util.Map.entry("es", new String[] {"En una o dos frases:", "En una o dos palabras:"}),
            java.util.Map.entry("pt", new String[] {"Em uma ou duas frases:", "Em uma ou duas palavras:"}),
            java.util.Map.entry("ja", new String[] {"一言で言うと、", "短く言うと、"}),
            java.util.Map.entry("hi", new String[] {"एक-दो वाक्यों में:", "एक-दो शब्दों में:"}),
            java.util.Map.entry("ar", new String[] {"في جملة أو جملتين:", "في كلمة أو كلمتين:"}),
            java.util.Map.entry("it", new String[] {"In una o due frasi:", "In una o due parole:"}),
            java.util.Map.entry("nl", new String[] {"In een of twee zinnen:", "In een of twee woorden:"}),
            java.util.Map.entry("sv", new String[] {"Med en eller två meningar:", "Med ett eller två ord:"}),
            java.util.Map.entry("da", new String[] {"Med en eller to sætninger:", "Med et eller to ord:"}),
            java.util.Map.entry("nb", new String[] {"Med én eller to setninger:", "Med ett eller to ord:"}),
            java.util.Map.entry("fi", new String[] {"Parilla lauseella:", "Parilla sanalla:"}),
            java.util.Map.entry("pl", new String[] {"W jednym, dwóch zdaniach:", "W jednym, dwóch słowach:"}),
            java.util.Map.entry("cs", new String[] {"V jedné nebo dvou větách:", "Jedním nebo dvěma slovy:"}),
            java.util.Map.entry("ro", new String[] {"În una sau două fraze:", "În unul sau două cuvinte:"}),
            java.util.Map.entry("hu", new String[] {"Egy-két mondatban:", "Egy-két szóban:"}),
            java.util.Map.entry("el", new String[] {"Με μία ή δύο προτάσεις:", "Με μία ή δύο λέξεις:"}),
            java.util.Map.entry("tr", new String[] {"Bir iki cümleyle:", "Bir iki kelimeyle:"}),
            java.util.Map.entry("ru", new String[] {"Одним-двумя предложениями:", "В двух словах:"}),
            java.util.Map.entry("uk", new String[] {"Одним-двома реченнями:", "Кількома словами:"}),
            java.util.Map.entry("he", new String[] {"במשפט או שניים:", "במילה או שתיים:"}),
            java.util.Map.entry("ko", new String[] {"한두 문장으로:", "한두 마디로:"}),
            java.util.Map.entry("zh", new String[] {"用一两句话说，", "简单说，"}),
            java.util.Map.entry("id", new String[] {"Dalam satu atau dua kalimat:", "Dalam satu atau dua kata:"}),
            java.util.Map.entry("vi", new String[] {"Trong một hai câu:", "Bằng một hai từ:"}),
            java.util.Map.entry("th", new String[] {"สั้น ๆ สักหนึ่งสองประโยค:", "สั้น ๆ สักคำสองคำ:"}));
}
