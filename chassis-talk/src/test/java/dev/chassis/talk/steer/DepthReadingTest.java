package dev.chassis.talk.steer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.talk.directive.Angle;
import dev.chassis.talk.directive.Directive;
import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.stage.Objective;
import dev.chassis.talk.stage.StagedContext;
import dev.chassis.talk.state.SessionEvent;
import dev.chassis.talk.state.SessionLog;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.text.Analysis;
import dev.chassis.talk.text.Cues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The depth of each objective as the session state keeps it, answer by answer, against the walk of the whole log it replaced
 * (kept here as the oracle: {@link #walk}, the code of {@code Depth.of} before, reading every answer again in the session's
 * language now and comparing each with every earlier one), after every event of real interviews (the shared transcripts, their
 * interviewer's turns issued as directives of every kind, some answers said again after a take-up, the language switched and
 * back) and of conversations written by hand in French, German and Spanish (hedges, refusals, restatements, answers on another
 * objective, off-topic remarks). After every answer, the person's words the end of an interview would quote back on each
 * objective ({@link Ending#theirWords}, its feelings read last) are compared likewise with the filter-then-sort it replaced
 * ({@link #theirWordsBefore}). After every event, what the end reads to choose a take-up (angles asked, answers per objective,
 * quote-probes) is compared with the walks of the log it replaced ({@link TakeUpsOracle}).
 */
class DepthReadingTest {

    private static final Path SHARED = Path.of(System.getProperty("chassis.shared.dir", "../../shared"), "data", "interviews");
    private static final int SUBSTANTIAL_WORDS = 8;
    private static final double RESTATED = 0.7;

    /** What the walk of the log read: the substantive answers per objective and the objectives with nothing more. */
    private record Reading(Map<String, Integer> answers, Set<String> nothingMore) { }

    @Test
    void the_real_interviews_read_answer_by_answer_give_the_walk_of_the_whole_log_after_every_event() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "skipped: " + SHARED + " is absent (the shared interview transcripts)");
        List<List<String[]>> interviews = new ArrayList<>();
        for (String file : List.of("creatives_transcripts.csv", "scientists_transcripts.csv")) {
            for (String text : Transcripts.interviews(Files.readString(SHARED.resolve(file)))) {
                interviews.add(Transcripts.turns(text));
            }
        }
        assertThat(interviews).hasSizeGreaterThan(200);
        int[] seen = new int[5]; // events compared, answers counted, objectives with nothing more, switches of language, words found
        for (int i = 0; i < interviews.size(); i++) {
            replay(work(), interviews.get(i), new SplittableRandom(i), seen);
        }
        System.out.printf("real: %d events, %d answers counted, %d with nothing more, %d switches, %d with words%n", seen[0], seen[1], seen[2], seen[3], seen[4]);
        assertThat(seen[0]).as("events compared").isGreaterThan(4_000);
        assertThat(seen[1]).as("substantive answers at the end of the interviews").isGreaterThan(300);
        assertThat(seen[2]).as("objectives left with nothing more").isGreaterThan(50);
        assertThat(seen[3]).as("switches of language").isGreaterThan(50);
        assertThat(seen[4]).as("answers after which the end had words of theirs to quote").isGreaterThan(500);
    }

    @Test
    void conversations_written_by_hand_read_answer_by_answer_give_the_walk_of_the_whole_log_after_every_event() {
        int[] seen = new int[5];
        replay(musique(), List.of(
                new String[] {"A", "Comment organisez-vous les cours d'une semaine habituelle ?"},
                new String[] {"U", "C'est la directrice qui me donne mes créneaux, j'ai douze élèves et je fais les cours dans la petite salle du fond."},
                new String[] {"A", "Qu'est-ce qui vous complique le plus la tâche dans cette organisation ?"},
                new String[] {"U", "Je ne sais pas trop, peut-être les salles."},
                new String[] {"A", "Comment communiquez-vous avec les familles des élèves ?"},
                new String[] {"U", "Je préfère ne pas parler des familles, c'est la direction qui s'en occupe de toute façon."},
                new String[] {"A", "Pouvez-vous me raconter la dernière fois que c'est arrivé ?"},
                new String[] {"U", "Les parents m'écrivent sur mon portable à n'importe quelle heure et certains paient encore par chèque."},
                new String[] {"A", "Si vous pouviez changer une seule chose dans ces échanges, laquelle serait-ce ?"},
                new String[] {"U", "Comme je disais, les parents m'écrivent sur mon portable à n'importe quelle heure et paient par chèque."},
                new String[] {"A", "Et la semaine de cours ?"},
                new String[] {"U", "Hier soir j'ai regardé un film au cinéma avec des amis, c'était très long mais plutôt drôle."},
                new String[] {"A", "Comment les salles sont-elles réparties ?"},
                new String[] {"U", "Les familles paient les inscriptions en septembre et les parents reçoivent un courriel de l'école."}),
                new SplittableRandom(1), seen);
        replay(werkstatt(), List.of(
                new String[] {"A", "Wie planen Sie die Aufträge einer normalen Woche?"},
                new String[] {"U", "Montags schaue ich die Aufträge durch und verteile sie an die drei Gesellen nach ihren Stärken."},
                new String[] {"A", "Was macht die Planung schwierig?"},
                new String[] {"U", "Keine Ahnung, vielleicht die Ersatzteile."},
                new String[] {"A", "Wie sprechen Sie mit den Kunden über Termine?"},
                new String[] {"U", "Darüber möchte ich lieber nicht sprechen, das ist ein heikles Thema bei uns im Betrieb."},
                new String[] {"A", "Wann ist das zuletzt passiert?"},
                new String[] {"U", "Letzte Woche kam ein Kunde ohne Termin und wir mussten zwei Aufträge verschieben, das war ärgerlich."},
                new String[] {"A", "Und sonst?"},
                new String[] {"U", "Wie gesagt, letzte Woche kam ein Kunde ohne Termin und wir mussten zwei Aufträge verschieben."},
                new String[] {"A", "Was würden Sie an der Wochenplanung ändern?"},
                new String[] {"U", "Die Kunden rufen dauernd an und fragen nach ihren Terminen, das kostet uns jeden Tag eine Stunde."}),
                new SplittableRandom(2), seen);
        replay(tienda(), List.of(
                new String[] {"A", "¿Cómo lleva el inventario de la tienda?"},
                new String[] {"U", "Cada viernes cuento el inventario a mano en una libreta y luego lo paso a una hoja de cálculo."},
                new String[] {"A", "¿Qué le cuesta más del inventario?"},
                new String[] {"U", "No sé, depende."},
                new String[] {"A", "¿Cómo atiende a los clientes habituales?"},
                new String[] {"U", "Prefiero no hablar de los clientes, es un tema delicado para mí y para mi socio."},
                new String[] {"A", "¿Me cuenta la última vez?"},
                new String[] {"U", "El viernes pasado conté el inventario a mano en la libreta y tardé toda la tarde en pasarlo."},
                new String[] {"A", "¿Algo más?"},
                new String[] {"U", "Como le dije, cada viernes cuento el inventario a mano en una libreta y luego lo paso a la hoja."},
                new String[] {"A", "¿Y los clientes?"},
                new String[] {"U", "Los clientes habituales me escriben por WhatsApp para reservar y yo les guardo los productos."}),
                new SplittableRandom(3), seen);
        System.out.printf("hand-written: %d events, %d answers counted, %d with nothing more, %d switches%n", seen[0], seen[1], seen[2], seen[3]);
        assertThat(seen[0]).as("events compared").isGreaterThan(30);
        assertThat(seen[1]).as("substantive answers").isGreaterThan(3);
    }

    /** One interview, event by event: its interviewer's turns as directives drawn by {@code random}, the answers as said. */
    private static void replay(Briefing b, List<String[]> turns, SplittableRandom random, int[] seen) {
        SessionLog log = SessionLog.start(new SessionEvent.Started(Instant.EPOCH, "s", new StagedContext(b, "", 0, 1_000, List.of(), List.of())), e -> { });
        List<String> ids = b.objectives().stream().map(Objective::id).toList();
        List<String> said = new ArrayList<>();
        String language = b.language();
        String current = ids.getFirst();
        boolean tookUp = false;
        int turn = 0;
        for (String[] t : turns) {
            SessionEvent e;
            if (t[0].equals("A")) {
                String objective = ids.get(random.nextInt(ids.size()));
                if (random.nextInt(12) == 0) { // a switch of language, and back a few turns later
                    language = language.equals(b.language()) ? "de" : b.language();
                    seen[3]++;
                }
                Directive d = directive(random, language, current, objective, t[1], said);
                tookUp = d instanceof Directive.Deepen || d instanceof Directive.Probe p && !p.quote().isEmpty() && p.probe().isEmpty();
                current = d.objective().orElse(current);
                e = new SessionEvent.DirectiveIssued(Instant.EPOCH, turn, d);
            } else {
                // After a take-up, sometimes what they had said already, nearly word for word.
                String text = tookUp && !said.isEmpty() && random.nextInt(3) == 0 ? "Like I said, " + said.get(random.nextInt(said.size())) : t[1];
                said.add(text);
                e = new SessionEvent.UserSaid(Instant.EPOCH, ++turn, text, Optional.empty());
            }
            SessionState s = log.append(e);
            Reading old = walk(s);
            Depth now = Depth.of(s);
            TakeUpsOracle.check(s, ids, e);
            for (String id : ids) {
                assertThat(now.answers(id)).as("%s after %s", id, e).isEqualTo(old.answers().getOrDefault(id, 0));
                assertThat(now.nothingMore(id)).as("%s after %s", id, e).isEqualTo(old.nothingMore().contains(id));
            }
            if (e instanceof SessionEvent.UserSaid) {
                SteeringContext c = SteeringContext.of(s);
                for (String id : ids) {
                    Optional<String> words = Ending.theirWords(c, id);
                    assertThat(words).as("their words on %s after %s", id, e).isEqualTo(theirWordsBefore(c, id));
                    seen[4] += words.isPresent() ? 1 : 0;
                }
            }
            seen[0]++;
        }
        Reading end = walk(log.snapshot());
        seen[1] += end.answers().values().stream().mapToInt(Integer::intValue).sum();
        seen[2] += end.nothingMore().size();
    }

    /** A directive of a kind drawn at random, asking {@code question} about {@code objective}, or quoting what was said. */
    private static Directive directive(SplittableRandom r, String language, String current, String objective, String question, List<String> said) {
        String quote = said.isEmpty() ? "" : String.join(" ", List.of(said.getLast().split("\\s+")).subList(0, Math.min(6, said.getLast().split("\\s+").length)));
        Claim claim = new Claim(1, "I use it every day.", List.of("use"), false, Optional.empty(), Optional.empty(), Optional.of("often"),
                Optional.empty(), "");
        return switch (r.nextInt(12)) {
            case 0, 1, 2 -> new Directive.Ask(language, objective, question, List.of());
            case 3 -> new Directive.Probe(language, objective, quote, "", List.of());
            case 4 -> new Directive.Deepen(language, objective, objective, Angle.values()[r.nextInt(Angle.values().length)], "", List.of());
            case 5 -> new Directive.Acknowledge(language, quote, -0.5, objective, r.nextBoolean() ? question : "", List.of());
            case 6 -> new Directive.MoveOn(language, current, objective, question, List.of());
            case 7 -> new Directive.Probe(language, objective, quote, question, List.of());
            case 8 -> new Directive.Clarify(language, claim, claim, List.of());
            case 9 -> new Directive.Bridge(language, "", List.of());
            case 10 -> new Directive.Respect(language, current, List.of("price"), objective, question, List.of());
            default -> new Directive.WrapUp(language, List.of(), "time");
        };
    }

    /** The oracle for {@link Ending#theirWords}: every answer on the objective filtered (its feelings read), then sorted. */
    private static Optional<String> theirWordsBefore(SteeringContext c, String objective) {
        List<String> answers = new ArrayList<>();
        boolean on = false;
        for (SessionEvent e : c.state().log()) {
            if (e instanceof SessionEvent.DirectiveIssued d) {
                on = d.directive().objective().filter(objective::equals).isPresent();
            } else if (e instanceof SessionEvent.UserSaid u && on) {
                answers.add(u.text());
            }
        }
        List<String> kept = answers.stream()
                .filter(t -> Declining.topic(t, c.language()).isEmpty() && Declining.words(t, c.language()) >= 5 && !hurt(c, t))
                .sorted(java.util.Comparator.comparingInt((String t) -> Declining.words(t, c.language())).reversed())
                .toList();
        Set<String> topic = BuiltInRules.topicOf(c, objective);
        for (String answer : kept) {
            String quote = Quotes.salient(answer, 6, c.language(), topic);
            boolean about = Analysis.termSet(quote, c.language()).stream().anyMatch(topic::contains);
            if (about && Declining.words(quote, c.language()) >= 3 && !BuiltInRules.probedBefore(c, quote) && !c.plan().namesDeclined(quote)) {
                return Optional.of(quote);
            }
        }
        return Optional.empty();
    }

    private static boolean hurt(SteeringContext c, String answer) {
        if (dev.chassis.talk.text.Feelings.read(answer, c.language()).filter(m -> m.valence() < 0).isPresent()) {
            return true;
        }
        return c.state().emotions().stream().anyMatch(e -> e.valence() < 0 && !e.quote().isBlank() && answer.contains(e.quote()));
    }

    /** The oracle: {@code Depth.of} as it was, walking the whole log in the session's language now. */
    private static Reading walk(SessionState s) {
        Briefing b = s.staged().briefing();
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        for (Objective o : b.objectives()) {
            Set<String> out = new HashSet<>();
            for (Objective w : b.everyWording(o.id())) {
                out.addAll(Analysis.termSet(String.join(" ", w.title(), w.description(), String.join(" ", w.questions()),
                        String.join(" ", w.probes())), s.language()));
            }
            topics.put(o.id(), out);
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        b.objectives().forEach(o -> answers.put(o.id(), 0));
        List<Set<String>> earlier = new ArrayList<>();
        Set<String> nothingMore = new HashSet<>();
        Optional<String> asking = Optional.empty();
        boolean takingUp = false;
        String asked = "";
        for (SessionEvent e : s.log()) {
            if (e instanceof SessionEvent.DirectiveIssued d) {
                asking = switch (d.directive()) {
                    case Directive.Acknowledge a -> a.followUp().isBlank() ? Optional.empty() : a.objective();
                    case Directive.Clarify x -> Optional.empty();
                    default -> d.directive().objective();
                };
                takingUp = d.directive() instanceof Directive.Deepen
                        || d.directive() instanceof Directive.Probe p && !p.quote().isEmpty() && p.probe().isEmpty();
                asked = d.directive().question().orElse("") + " " + switch (d.directive()) {
                    case Directive.Probe p -> p.quote();
                    case Directive.Deepen m -> m.topic();
                    default -> "";
                };
            } else if (e instanceof SessionEvent.UserSaid u) {
                Set<String> said = Analysis.termSet(u.text(), s.language());
                if (asking.isPresent() && counts(u.text(), said, asking.get(), asked, topics, earlier, s.language())) {
                    answers.merge(asking.get(), 1, Integer::sum);
                }
                if (takingUp && asking.isPresent() && Cues.of(s.language()).words(u.text()) >= SUBSTANTIAL_WORDS && restates(said, earlier)) {
                    nothingMore.add(asking.get());
                }
                earlier.add(said);
            }
        }
        return new Reading(answers, nothingMore);
    }

    private static boolean restates(Set<String> said, List<Set<String>> earlier) {
        for (Set<String> before : earlier) {
            if (!said.isEmpty() && shared(said, before) >= RESTATED * said.size()) {
                return true;
            }
        }
        return false;
    }

    private static boolean counts(String text, Set<String> said, String objective, String asked, Map<String, Set<String>> topics,
                                  List<Set<String>> earlier, String language) {
        Cues cues = Cues.of(language);
        Set<String> about = new HashSet<>(topics.get(objective));
        about.addAll(Analysis.termSet(asked, language));
        int words = cues.words(dev.chassis.talk.state.AnswerDepth.withoutAsides(text, about, language));
        if (words < SUBSTANTIAL_WORDS || Declining.topic(text, language).isPresent()
                || words < 2 * SUBSTANTIAL_WORDS && !cues.found(Cues.lower(text), cues.hedges()).isEmpty()) {
            return false;
        }
        if (restates(said, earlier)) {
            return false;
        }
        Set<String> content = dev.chassis.talk.state.AnswerDepth.content(said, language);
        if (shared(content, about) == 0) {
            return false;
        }
        int own = shared(said, topics.get(objective));
        for (Map.Entry<String, Set<String>> other : topics.entrySet()) {
            if (!other.getKey().equals(objective) && shared(said, other.getValue()) >= 2 && shared(said, other.getValue()) > own) {
                return false;
            }
        }
        return true;
    }

    private static int shared(Set<String> said, Set<String> other) {
        int n = 0;
        for (String w : said) {
            n += other.contains(w) ? 1 : 0;
        }
        return n;
    }

    /** A guide for the shared interviews (AI in creative and scientific work), its first objective also worded in German. */
    private static Briefing work() {
        List<Objective> objectives = List.of(
                new Objective("use", "Where AI fits in the work", "How they use AI tools in their day-to-day creative or research work.", 5, 0.3,
                        List.of("How do you use AI in your work today?", "Which tasks do you hand to AI and which do you keep for yourself?"),
                        List.of("Can you walk me through the last time you used it?"), List.of()),
                new Objective("trust", "Trust and checking", "How they check what AI gives them, when they trust it and when they do not.", 4, 0.3,
                        List.of("How do you check what the AI gives you?"), List.of(), List.of()),
                new Objective("change", "How the craft changed", "What changed in their craft, their identity or their clients since AI.", 3, 0.2,
                        List.of("What has changed in your work since you started?"), List.of("What did that mean for your clients?"), List.of()),
                new Objective("future", "Hopes and worries", "What they hope for and worry about in the future of their field.", 4, 0.2,
                        List.of("What worries you about where this is going?"), List.of(), List.of()));
        List<Objective> german = List.of(new Objective("use", "Wo KI in die Arbeit passt", "Wie sie KI-Werkzeuge in ihrer täglichen Arbeit nutzen.",
                        5, 0.3, List.of("Wie nutzen Sie KI heute in Ihrer Arbeit?"), List.of(), List.of()),
                new Objective("trust", "Vertrauen und Prüfen", "Wie sie prüfen, was die KI liefert, und wann sie ihr trauen.", 4, 0.3,
                        List.of("Wie prüfen Sie, was die KI Ihnen gibt?"), List.of(), List.of()),
                new Objective("change", "Wie sich das Handwerk verändert hat", "Was sich an ihrer Arbeit und für ihre Kunden verändert hat.", 3, 0.2,
                        List.of("Was hat sich in Ihrer Arbeit verändert?"), List.of(), List.of()),
                new Objective("future", "Hoffnungen und Sorgen", "Was sie sich für die Zukunft ihres Fachs erhoffen und was sie fürchten.", 4, 0.2,
                        List.of("Was macht Ihnen Sorgen, wohin das führt?"), List.of(), List.of()));
        return new Briefing("How professionals use AI in their work.", "en", List.of("en", "de"), Duration.ofMinutes(15), objectives, Map.of(),
                List.of(), List.of(), "I would like to hear how you work with AI.", Map.of("de", german));
    }

    private static Briefing musique() {
        return new Briefing("Comprendre comment une école de musique organise sa semaine.", "fr", List.of("fr"), Duration.ofMinutes(12),
                List.of(new Objective("semaine", "La semaine de cours", "Comment les cours, les salles et les professeurs sont répartis dans la semaine.",
                                5, 0.5, List.of("Comment organisez-vous les cours d'une semaine habituelle ?",
                                        "Qu'est-ce qui vous complique le plus la tâche dans cette organisation ?"),
                                List.of("Pouvez-vous me raconter la dernière fois que c'est arrivé ?"), List.of()),
                        new Objective("parents", "Les échanges avec les familles", "Comment l'école prévient les familles et encaisse les inscriptions.",
                                4, 0.5, List.of("Comment communiquez-vous avec les familles des élèves ?"), List.of(), List.of())),
                Map.of(), List.of(), List.of(), "J'aimerais comprendre comment se passe une semaine dans votre école.");
    }

    private static Briefing werkstatt() {
        return new Briefing("Wie eine Werkstatt ihre Woche plant.", "de", List.of("de"), Duration.ofMinutes(12),
                List.of(new Objective("woche", "Die Wochenplanung", "Wie Aufträge, Gesellen und Ersatzteile über die Woche verteilt werden.", 5, 0.5,
                                List.of("Wie planen Sie die Aufträge einer normalen Woche?", "Was macht die Planung schwierig?"),
                                List.of("Wann ist das zuletzt passiert?"), List.of()),
                        new Objective("kunden", "Die Kunden", "Wie die Werkstatt mit Kunden über Termine und Rechnungen spricht.", 4, 0.5,
                                List.of("Wie sprechen Sie mit den Kunden über Termine?"), List.of(), List.of())),
                Map.of(), List.of(), List.of(), "Erzählen Sie mir von Ihrer Woche.");
    }

    private static Briefing tienda() {
        return new Briefing("Cómo una tienda de barrio lleva su inventario.", "es", List.of("es"), Duration.ofMinutes(12),
                List.of(new Objective("inventario", "El inventario", "Cómo cuenta y apunta el inventario de la tienda cada semana.", 5, 0.5,
                                List.of("¿Cómo lleva el inventario de la tienda?", "¿Qué le cuesta más del inventario?"),
                                List.of("¿Me cuenta la última vez?"), List.of()),
                        new Objective("clientes", "Los clientes habituales", "Cómo atiende y reserva productos a los clientes habituales.", 4, 0.5,
                                List.of("¿Cómo atiende a los clientes habituales?"), List.of(), List.of())),
                Map.of(), List.of(), List.of(), "Hábleme de su tienda.");
    }
}
