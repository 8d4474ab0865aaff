package dev.chassis.research.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.research.eval.score.SessionScore;
import dev.chassis.testkit.participant.reading.CheckerAccuracy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The evaluation report as JSON: settings, totals per configuration with spread over seeds, every session, the checker's accuracy. */
final class ReportJson {

    private ReportJson() {
    }

    static void write(EvaluationReport r, Path file) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", r.model());
        root.put("latency", r.latency().toString());
        root.put("deadlineMs", r.deadline().toMillis());
        ArrayNode seeds = root.putArray("seeds");
        r.seeds().forEach(seeds::add);
        ArrayNode behind = root.putArray("fullNotAhead");
        r.fullNotAhead().forEach(behind::add);
        ArrayNode totals = root.putArray("totals");
        for (EvaluationReport.Total t : r.totals()) {
            ObjectNode n = totals.addObject();
            n.put("configuration", t.configuration());
            n.put("sessions", t.sessions());
            spread(n.putObject("composite"), t.composite());
            ObjectNode parts = n.putObject("parts");
            r.parts(t.configuration()).forEach((k, v) -> spread(parts.putObject(k), v));
            put(n, "factsElicited", t.factsElicited());
            put(n, "contradictionsPutBack", t.putBack());
            n.put("contradictionsStated", t.contradictionsStated());
            ObjectNode losses = n.putObject("contradictionLosses");
            r.contradictionLosses(t.configuration()).forEach((l, k) -> losses.put(l.label(), k));
            ObjectNode byShape = n.putObject("contradictionLossesByShape");
            for (int i = 0; i < r.sessions().size(); i++) {
                ContradictionTrace c = r.traces().get(i);
                if (r.sessions().get(i).configuration().equals(t.configuration()) && c.loss() != ContradictionTrace.Loss.NONE) {
                    ObjectNode shape = byShape.has(c.shape()) ? (ObjectNode) byShape.get(c.shape()) : byShape.putObject(c.shape());
                    shape.put(c.loss().label(), shape.path(c.loss().label()).asInt(0) + 1);
                }
            }
            ObjectNode moments = n.putObject("emotionLosses");
            r.emotionLosses(t.configuration()).forEach((l, k) -> moments.put(l.label(), k));
            ObjectNode facts = n.putObject("factLosses");
            r.factLosses(t.configuration()).forEach((l, k) -> facts.put(l.label(), k));
            n.put("falseAlarmsPer10", t.alarmsPer10());
            put(n, "emotionAcknowledged", t.emotionAcknowledged());
            n.put("language", t.language());
            put(n, "languageAfterSwitch", t.afterSwitch());
            n.put("mixedTurns", t.mixedTurns());
            n.put("questionQuality", t.questionQuality());
            n.put("questionsRepeated", t.repeated());
            n.put("refusedTopicsReasked", t.reasked());
            n.put("depth", t.depth());
            n.put("cutShort", t.cutShort());
            n.put("timeUsed", t.timeUsed());
            put(n, "recovery", t.recovery());
            n.put("timeToFirstWordsP50Ms", t.firstWordsP50().toMillis());
            n.put("timeToFirstWordsP99Ms", t.firstWordsP99().toMillis());
            n.put("lateTurns", t.late());
            n.put("turns", t.turns());
        }
        ArrayNode sessions = root.putArray("sessions");
        for (int i = 0; i < r.sessions().size(); i++) {
            ObjectNode n = sessions.addObject();
            session(n, r.sessions().get(i));
            trace(n, r.traces().get(i));
            if (!r.moments().get(i).losses().isEmpty()) {
                ArrayNode moments = n.putArray("emotionLosses");
                r.moments().get(i).losses().forEach(l -> moments.add(l.label()));
            }
            if (!r.facts().get(i).losses().isEmpty()) {
                ArrayNode facts = n.putArray("factLosses");
                r.facts().get(i).losses().forEach(l -> facts.add(l.label()));
            }
        }
        ArrayNode checker = root.putArray("questionChecker");
        for (CheckerAccuracy.Row row : CheckerAccuracy.measure()) {
            ObjectNode n = checker.addObject();
            n.put("language", row.language());
            n.put("set", row.set());
            n.put("examples", row.examples());
            n.put("label", row.label());
            n.put("precision", row.precision());
            n.put("recall", row.recall());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void session(ObjectNode n, SessionScore s) {
        n.put("guide", s.guide());
        n.put("persona", s.persona());
        n.put("configuration", s.configuration());
        n.put("seed", s.seed());
        n.put("turns", s.turns());
        n.put("composite", s.composite());
        ObjectNode parts = n.putObject("parts");
        for (Map.Entry<String, Double> e : s.parts().entrySet()) {
            parts.put(e.getKey(), e.getValue());
        }
        n.put("factsRevealed", s.conversation().facts());
        n.put("factsHidden", s.conversation().factsHidden());
        n.put("contradictionStated", s.contradiction().stated());
        s.contradiction().putBackAt().ifPresent(k -> n.put("contradictionPutBackAtTurn", k));
        ArrayNode alarms = n.putArray("falseAlarmTurns");
        s.contradiction().alarms().forEach(alarms::add);
        n.put("disclosures", s.conversation().disclosures());
        n.put("disclosuresAcknowledged", s.conversation().acknowledged());
        n.put("languageJudgedTurns", s.language().judged());
        n.put("languageInLanguage", s.language().inLanguage());
        n.put("languageMixedTurns", s.language().mixed());
        n.put("languageAfterSwitchTurns", s.language().afterSwitch());
        n.put("languageAfterSwitchInLanguage", s.language().afterSwitchInLanguage());
        ArrayNode misses = n.putArray("languageMissTurns");
        s.language().misses().forEach(misses::add);
        n.put("participantLanguage", s.address().language());
        s.address().expected().ifPresent(e -> n.put("addressExpected", e.name().toLowerCase(java.util.Locale.ROOT)));
        n.put("addressedTurns", s.address().addressed());
        n.put("addressedInForm", s.address().inForm());
        n.put("questionsAsked", s.questions().asked());
        n.put("leading", s.questions().leading());
        n.put("doubleBarrelled", s.questions().doubleBarrelled());
        n.put("closed", s.questions().closed());
        n.put("repeated", s.questions().repeated());
        n.put("stockTransitions", s.questions().stock());
        ArrayNode bad = n.putArray("badQuestions");
        s.questions().bad().forEach(bad::add);
        n.put("refusedTopics", s.conversation().refused());
        n.put("refusedReasked", s.conversation().reasked());
        n.put("unfittingAcknowledgements", s.conversation().unfitting());
        n.put("quotes", s.conversation().quotes());
        n.put("quotesCutMidPhrase", s.conversation().quotesCut());
        ObjectNode depth = n.putObject("depth");
        s.depth().depth().forEach(depth::put);
        ArrayNode shallow = n.putArray("shallowPriorityObjectives");
        s.depth().shallow().forEach(shallow::add);
        n.put("timeUsed", s.depth().used());
        n.put("endedEarly", s.depth().endedEarly());
        s.recovered().ifPresent(v -> n.put("disengagementRecovered", v));
        ArrayNode words = n.putArray("timeToFirstWordsMs");
        s.firstWords().forEach(d -> words.add(d.toMillis()));
        n.put("lateTurns", s.late());
        n.put("bridgedTurns", s.bridged());
    }

    private static void trace(ObjectNode n, ContradictionTrace t) {
        if (t.loss() != ContradictionTrace.Loss.NONE) {
            n.put("contradictionLoss", t.loss().label());
            n.put("contradictionShape", t.shape());
            t.statedAt().ifPresent(k -> n.put("contradictionStatedAtAnswer", k));
            t.detectedAt().ifPresent(k -> n.put("contradictionDetectedAtTurn", k));
            t.clarifiedAt().ifPresent(k -> n.put("contradictionClarifiedAtTurn", k));
        }
    }

    private static void spread(ObjectNode n, EvaluationReport.Spread s) {
        n.put("mean", s.mean());
        n.put("sd", s.sd());
        ArrayNode bySeed = n.putArray("bySeed");
        s.bySeed().forEach(bySeed::add);
    }

    private static void put(ObjectNode n, String field, Optional<Double> v) {
        v.ifPresent(x -> n.put(field, x));
    }
}
