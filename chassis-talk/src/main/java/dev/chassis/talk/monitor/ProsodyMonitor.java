package dev.chassis.talk.monitor;

import dev.chassis.talk.signal.Signal;
import dev.chassis.talk.state.SessionState;
import dev.chassis.talk.voice.Prosody;
import java.util.ArrayList;
import java.util.List;

/**
 * How a spoken answer sounded against the person's own voice: pitch, loudness and pace of the answer beside the
 * medians of their earlier answers (each earlier {@link Signal.ProsodyNoted} in the state, so a resumed session has
 * them). A clear drop (quieter, slower, lower) is a cue steering reads as disengagement or a hard moment. People
 * differ widely, so only the person's own voice is the measure; answers too short to judge, and typed ones, raise
 * nothing. Cheap (a pass over the signals), so it runs on the turn's path and the reply to that very answer can adapt.
 * Stateless and thread-safe.
 */
public final class ProsodyMonitor implements Monitor {

    /** Answers with less speech than this are too short to measure (a "yes" carries no pace). */
    static final double MIN_SPEECH_SECONDS = 0.8;
    /** Earlier answers needed before one is compared with them. */
    static final int BASELINE = 2;
    static final double QUIETER_DB = -6;
    static final double SLOWER_SHARE = 0.75;
    static final double LOWER_SEMITONES = -2;

    @Override
    public String name() {
        return "prosody";
    }

    @Override
    public boolean onTurnPath() {
        return true;
    }

    @Override
    public List<Signal> observe(TurnView turn, SessionState snapshot) {
        if (turn.prosody().isEmpty() || turn.prosody().get().speech().toMillis() < MIN_SPEECH_SECONDS * 1000) {
            return List.of();
        }
        Prosody.Summary p = turn.prosody().get();
        List<double[]> earlier = new ArrayList<>();
        for (Signal s : snapshot.signals()) {
            if (s instanceof Signal.ProsodyNoted n && n.turn() < turn.turn()) {
                earlier.add(new double[] {n.pitchHz(), n.energyDb(), n.rate()});
            }
        }
        if (earlier.size() < BASELINE) {
            return List.of(new Signal.ProsodyNoted(turn.turn(), name(), p.pitchHz(), p.energyDb(), p.rate(), 0, 0, 1, List.of()));
        }
        double pitch = median(earlier, 0);
        double energyChange = p.energyDb() - median(earlier, 1);
        double rate = median(earlier, 2);
        double pitchChange = pitch > 0 && p.pitchHz() > 0 ? 12 * Math.log(p.pitchHz() / pitch) / Math.log(2) : 0;
        double rateChange = rate > 0 ? p.rate() / rate : 1;
        List<String> cues = new ArrayList<>(3);
        if (energyChange <= QUIETER_DB) {
            cues.add("quieter");
        }
        if (rateChange <= SLOWER_SHARE) {
            cues.add("slower");
        }
        if (pitchChange <= LOWER_SEMITONES) {
            cues.add("lower");
        }
        return List.of(new Signal.ProsodyNoted(turn.turn(), name(), p.pitchHz(), p.energyDb(), p.rate(), round(pitchChange),
                round(energyChange), round(rateChange), cues));
    }

    /** The median of column {@code i}, over the rows where it is known (a pitch of 0 is an unvoiced answer). */
    private static double median(List<double[]> rows, int i) {
        double[] xs = rows.stream().mapToDouble(r -> r[i]).filter(x -> i != 0 || x > 0).sorted().toArray();
        if (xs.length == 0) {
            return 0;
        }
        return xs.length % 2 == 1 ? xs[xs.length / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
