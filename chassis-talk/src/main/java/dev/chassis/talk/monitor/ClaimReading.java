package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.text.Cues;
import dev.chassis.talk.text.Detection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * What the contradiction monitor reads off a claim's sentence besides what the claim records: its language (as
 * detected, and as the negation scope reads it), whether it is about someone else, short enough to be plain, and the
 * person's own. Read once per claim: every new claim meets every earlier one on every turn, and reading them again
 * per pair (language detection, clause splitting, cue lists) made a turn's CPU grow with the session (395 ms at turn 400).
 *
 * @param detected    the language detected, or null when unsure
 * @param language    the language the negation scope reads it in (detected, else by function words)
 * @param aboutOthers whether it is about someone else ({@link NegationScope#readAboutOthers})
 * @param plain       whether it is short enough for its negation to be about what it says
 * @param firstPerson whether it is the person's own ("I open it", "we use it")
 * @param toldAsBefore whether it is told as the past before a change ("I used to...", "avant, je...")
 * @param exclusive   whether it makes a name it says the only one ({@link Exclusive})
 * @param negatesBeyondOnly whether it has a negation besides its exclusive words ({@link Exclusive})
 * @param role        who it says the person is, if it does ({@link Roles})
 * @param product     whether it names the product the interview is about ("the app", "le logiciel", {@link Frames#product})
 * @param capitalised the words it writes with a capital inside the sentence ({@link Exclusive#names}), in order, unmodifiable
 * @param names       those and, in scripts without capitals, its Latin words that begin with one ({@link DeniedName#names})
 */
record ClaimReading(String detected, String language, boolean aboutOthers, boolean plain, boolean firstPerson, boolean toldAsBefore,
                    boolean exclusive, boolean negatesBeyondOnly, java.util.Optional<Roles.Role> role, boolean product,
                    Set<String> capitalised, Set<String> names) {

    /** A sentence short enough that its negation is about what it says (long ones negate a clause of many). */
    static final int PLAIN_WORDS = 20;

    /**
     * Readings by the sentences of the claims still held somewhere (a session's state): weak keys, so a closed session's
     * go with it; a sentence's hash is kept in it, so a look-up per pair costs next to nothing. Kept only once language
     * detection gives its final verdicts (its models loaded), so that none read while they were loading outlives that.
     */
    private static final Map<String, ClaimReading> READ = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The language each claim's sentence was read in (the one the person was speaking), by sentence as {@link #READ} is: where
     * detection is unsure of one short sentence and it has no function words to tell by, that is its language, not English.
     */
    private static final Map<String, String> HEARD = Collections.synchronizedMap(new WeakHashMap<>());

    /** Notes the language a claim was read in, for its reading when detection is unsure of its sentence alone. */
    static void heardIn(Claim c, String language) {
        HEARD.putIfAbsent(c.quote(), language);
    }

    /** The language a claim was read in by the monitor that found it (the one the person was speaking), if noted. */
    static java.util.Optional<String> heard(Claim c) {
        return java.util.Optional.ofNullable(HEARD.get(c.quote()));
    }

    /**
     * The latest readings by claim, one slot per claim by its identity: the rules ask a pair's two claims for their readings a
     * dozen times per pair, and a look-up in {@link #READ} (a lock, a weak map's queue) was a tenth of the monitor's CPU. A slot
     * holds its claim strongly until another takes it, so at most {@link #SLOTS} claims outlive their session for a while.
     */
    private static final int SLOTS = 4096;
    private static final AtomicReferenceArray<Held> RECENT = new AtomicReferenceArray<>(SLOTS);

    /** A claim's reading in its slot, with what the rules derive from the claim itself, each kept once it is read ({@link #kept}). */
    private record Held(Claim claim, ClaimReading reading, AtomicReferenceArray<Object> derived) {
        Held(Claim claim, ClaimReading reading) {
            this(claim, reading, new AtomicReferenceArray<>(DERIVED));
        }
    }

    /** What {@link #kept} keeps: the parts of the time a claim is limited to ({@link Limits#of}). */
    static final int LIMITS = 0;
    /** And the languages the duration and span rules read a claim in ({@link Durations#languages}). */
    static final int LANGUAGES = 1;
    /** And the years a span it tells counts back ({@link Spans#begun}). */
    static final int YEARS_BACK = 2;
    private static final int DERIVED = 3;

    /**
     * {@code read} of the claim, read once while the claim holds its slot: the rules of one pair of claims ask for the same
     * reading of each many times, and every new claim meets every earlier one (Limits and the spans' languages, read per pair,
     * were three quarters of the monitor's CPU after they came). {@code read} must depend on the claim alone, and return a
     * value nobody changes. Read each time where the claim has no slot (its reading not settled yet).
     */
    @SuppressWarnings("unchecked")
    static <T> T kept(Claim c, int which, java.util.function.Function<Claim, T> read) {
        int slot = System.identityHashCode(c) & (SLOTS - 1);
        Held held = RECENT.getPlain(slot);
        if (held == null || held.claim() != c) {
            of(c);
            held = RECENT.getPlain(slot);
            if (held == null || held.claim() != c) {
                return read.apply(c);
            }
        }
        Object value = held.derived().get(which);
        if (value == null) {
            value = read.apply(c);
            held.derived().set(which, value);
        }
        return (T) value;
    }

    static ClaimReading of(Claim c) {
        int slot = System.identityHashCode(c) & (SLOTS - 1);
        Held held = RECENT.getPlain(slot);
        if (held != null && held.claim() == c) {
            return held.reading();
        }
        String quote = c.quote();
        ClaimReading r = READ.get(quote);
        if (r != null) {
            RECENT.setPlain(slot, new Held(c, r));
            return r;
        }
        boolean settled = Detection.ready(quote);   // before reading: a verdict read while models load is not kept
        r = read(quote);   // outside the map's lock
        if (settled) {
            READ.put(quote, r);
            RECENT.setPlain(slot, new Held(c, r));
        }
        return r;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static ClaimReading read(String quote) {
        String detected = LanguageMonitor.detect(quote, false);
        // Unsure of the sentence alone: its function words, else the language it was heard in ("Trabalho nesta clínica há
        // dez anos" has neither a sure verdict nor a function word of the five, and was read as English: no one's own).
        String language = detected != null ? detected : NegationScope.byFunctionWords(quote).orElseGet(() -> HEARD.getOrDefault(quote, "en"));
        // The person's own in the language it is read in: "Je travaille ici" is first person when detection is unsure.
        Cues cues = Cues.of(language);
        boolean aboutOthers = NegationScope.readAboutOthers(quote, language);
        // Where the verb says who ("Salgo a correr", "Хожу в зал"), a sentence about no one else is the person's own.
        boolean firstPerson = !cues.found(Cues.lower(quote), cues.firstPerson()).isEmpty() || Frames.of(language).subjectless() && !aboutOthers;
        // These were read per pair of claims, most of a late turn's CPU (issue 18.1): now once per sentence too.
        boolean before = !cues.found(Cues.lower(quote), cues.before()).isEmpty();
        Set<String> capitalised = Collections.unmodifiableSet(Exclusive.namesIn(quote, language));
        return new ClaimReading(detected, language, aboutOthers, SPACES.split(quote).length <= PLAIN_WORDS, firstPerson, before,
                Exclusive.readExclusive(quote, language), Exclusive.negatesBeyondOnly(quote, language), Roles.read(quote, language),
                Frames.of(language).product().stream().anyMatch(w -> cues.find(Cues.lower(quote), w) >= 0), capitalised,
                Collections.unmodifiableSet(DeniedName.namesIn(quote, capitalised)));
    }
}
