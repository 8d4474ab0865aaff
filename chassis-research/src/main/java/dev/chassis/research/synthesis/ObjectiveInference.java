package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Infers the objectives of a study without its guide: questions the interviewer asked in most
 * sessions are grouped (k-means over their terms), and each group asked in at least 40% of the sessions
 * becomes an objective, labelled by its most typical question and ordered by when it was usually asked.
 * Stateless and deterministic.
 */
final class ObjectiveInference {

    static final double MIN_SHARE = 0.4;
    private static final int MAX_LABEL = 90;

    private ObjectiveInference() {
    }

    static List<SynthesisObjective> infer(List<Transcript> transcripts) {
        List<Questions.Asked> asked = new ArrayList<>();
        transcripts.forEach(t -> asked.addAll(Questions.of(t, true)));
        List<Questions.Asked> usable = asked.stream().filter(a -> Terms.of(a.text()).size() >= 2).toList();
        if (usable.size() < 2) {
            return List.of();
        }
        int perSession = (int) Math.round((double) usable.size() / transcripts.size());
        int k = Math.max(2, Math.min(Math.min(8, perSession), usable.size()));
        VectorSpace space = VectorSpace.terms(usable.stream().map(a -> Terms.of(a.text())).toList());
        KMeans.Clusters clusters = KMeans.cluster(space, k, Clustering.SEED);
        record Group(List<Integer> members, double position) {
        }
        List<Group> groups = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < usable.size(); i++) {
                if (clusters.assignment()[i] == c) {
                    members.add(i);
                }
            }
            long sessions = members.stream().map(i -> usable.get(i).session()).distinct().count();
            if (sessions >= Math.max(2, Math.ceil(MIN_SHARE * transcripts.size())) || (transcripts.size() == 1 && !members.isEmpty())) {
                members.sort(Comparator.<Integer>comparingDouble(i -> -clusters.similarity()[i]).thenComparingInt(i -> i));
                double position = members.stream().mapToDouble(i -> usable.get(i).position()).average().orElse(0);
                groups.add(new Group(members, position));
            }
        }
        groups.sort(Comparator.comparingDouble(Group::position));
        List<SynthesisObjective> out = new ArrayList<>();
        for (Group g : groups) {
            String label = usable.get(g.members().getFirst()).text().replace('\n', ' ');
            if (label.length() > MAX_LABEL) {
                label = label.substring(0, MAX_LABEL - 1).strip() + "…";
            }
            out.add(new SynthesisObjective("q" + (out.size() + 1), label,
                    g.members().stream().map(i -> usable.get(i).text()).toList()));
        }
        return out;
    }
}
