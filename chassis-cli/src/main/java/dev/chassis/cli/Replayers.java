package dev.chassis.cli;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.IncidentReplayer;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.core.tool.ToolPolicy;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.ledger.replay.TalkReplayer;
import dev.chassis.work.ledger.WorkReplayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The replayers {@code chassis guard} checks a ledger with: the work harness, and the talk harness staged from each incident's guide. */
final class Replayers {

    private Replayers() {
    }

    static List<IncidentReplayer> all(Path ledger, Path defaultGuide) {
        OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        IncidentReplayer talk = new IncidentReplayer() {
            @Override
            public String harness() {
                return "talk";
            }

            @Override
            public ReplayResult replay(Incident incident, Ledger l) {
                String named = incident.evidence().details().get("guide");
                Path guide = named != null ? ledger.resolve(named) : defaultGuide;
                if (guide == null) {
                    return new ReplayResult.NotReplayable(incident.id(), "a talk incident needs the guide its session followed: "
                            + "evidence.details.guide, or --guide");
                }
                Guide g;
                try {
                    g = GuideFile.load(guide);
                } catch (InvalidInputException e) {
                    return new ReplayResult.NotReplayable(incident.id(), e.getMessage());
                }
                return new TalkReplayer(() -> TalkHarness.builder().model(offline).fallback(offline), g.briefing(g.language(), Map.of()))
                        .replay(incident, l);
            }
        };
        return List.of(new WorkReplayer(ToolPolicy.allowAll()), talk);
    }
}
