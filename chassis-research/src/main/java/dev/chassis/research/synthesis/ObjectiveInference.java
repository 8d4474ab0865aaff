package dev.chassis.research.synthesis;

import dev.chassis.research.transcript.Transcript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Infers the objectives of a study without its guide: questions the interviewer asked in many sessions.
 * The question that has the most similar questions across sessions leads a group of them (TF-IDF cosine
 * at least {@link #SIMILAR}); the next leader is chosen among the questions left, and so on. A group
 * asked in at least 40% of the sessions becomes an objective, labelled by its leading question and
 * ordered by when it was usually asked. Leaders are chosen by content (ties by the question's text), so
 * the order of the sessions does not matter. Stateless and deterministic.
 */
final class ObjectiveInference {

    static final double MIN_SHARE = 0.4;
    static final double SIMILAR = 0.3;
    private static final int MAX_OBJECTIVES = 8;
    private static final int MAX_LABEL = 90;

    private ObjectiveInference() {
    }

    static List<SynthesisObjective> infer(List<Transcript> transcripts) {
        List<Questions.Asked> asked = new ArrayList<>();
        transcripts.stream().sorted(Comparator.comparing(Transcript::id)).forEach(t -> asked.addAll(Questions.of(t, true)));
        List<Questions.Asked> usable = asked.stream().filter(a -> Terms.of(a.text()).size() >= 2).toList();
        if (usable.size() < 2) {
            return List.of();
        }
        VectorSpace.TermSpace space = (VectorSpace.TermSpace) VectorSpace.terms(usable.stream().map(a -> Terms.of(a.text())).toList());
        int n = usable.size();
        List<List<Integer>> similar = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Integer> near = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (i == j || dot(space, i, j) >= SIMILAR) {
                    near.add(j);
                }
            }
            similar.add(near);
        }
        int need = transcripts.size() == 1 ? 1 : (int) Math.max(2, Math.ceil(MIN_SHARE * transcripts.size()));
        record Group(List<Integer> members, double position) {
        }
        Set<Integer> taken = new HashSet<>();
        List<Group> groups = new ArrayList<>();
        while (groups.size() < MAX_OBJECTIVES) {
            Integer leader = null;
            long leaderSessions = 0;
            for (int i = 0; i < n; i++) {
                if (taken.contains(i)) {
                    continue;
                }
                long sessions = similar.get(i).stream().filter(j -> !taken.contains(j)).map(j -> usable.get(j).session()).distinct().count();
                if (sessions > leaderSessions || (sessions == leaderSessions && leader != null
                        && usable.get(i).text().compareTo(usable.get(leader).text()) < 0)) {
                    leader = i;
                    leaderSessions = sessions;
                }
            }
            if (leader == null || leaderSessions < need) {
                break;
            }
            List<Integer> members = similar.get(leader).stream().filter(j -> !taken.contains(j)).toList();
            taken.addAll(members);
            List<Integer> ordered = new ArrayList<>(members);
            int lead = leader;
            ordered.sort(Comparator.comparing((Integer j) -> j != lead).thenComparingInt(j -> j));
            groups.add(new Group(ordered, members.stream().mapToDouble(j -> usable.get(j).position()).average().orElse(0)));
        }
        groups.sort(Comparator.comparingDouble(Group::position));
        List<SynthesisObjective> out = new ArrayList<>();
        for (Group g : groups) {
            String label = usable.get(g.members().getFirst()).text().replace('\n', ' ');
            if (label.length() > MAX_LABEL) {
                label = label.substring(0, MAX_LABEL - 1).strip() + "…";
            }
            out.add(new SynthesisObjective("q" + (out.size() + 1), label,
                    g.members().stream().map(i -> usable.get(i).text()).distinct().toList()));
        }
        return out;
    }

    /** Cosine of two unit-length sparse vectors, by merging their sorted indices. */
    private static double dot(VectorSpace.TermSpace space, int a, int b) {
        int[] ia = space.indices().get(a);
        int[] ib = space.indices().get(b);
        double[] wa = space.weights().get(a);
        double[] wb = space.weights().get(b);
        double s = 0;
        for (int x = 0, y = 0; x < ia.length && y < ib.length; ) {
            if (ia[x] == ib[y]) {
                s += wa[x++] * wb[y++];
            } else if (ia[x] < ib[y]) {
                x++;
            } else {
                y++;
            }
        }
        return s;
    }
}
