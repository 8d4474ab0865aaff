package dev.chassis.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Which points of a run a kill test halts at: a seeded draw of {@code count} of them, in the run's order, that holds at
 * least one point of each kind (the part of a point before its first colon: {@code tool-started}, {@code tool-called},
 * {@code step-ended}), so every build kills inside a tool before and after its side effect and between steps, and
 * builds over time reach every point. The seed is printed; {@code -Dchassis.kill.seed=N} repeats a draw and
 * {@code -Dchassis.kill.points=all} halts at every point.
 */
final class KillPoints {

    private KillPoints() {
    }

    static List<String> drawn(String what, List<String> every, int count) {
        if ("all".equals(System.getProperty("chassis.kill.points")) || count >= every.size()) {
            System.out.println("KillEverywhereTest " + what + ": every point (" + every.size() + ")");
            return every;
        }
        long seed = Long.getLong("chassis.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < every.size(); i++) {
            byKind.computeIfAbsent(every.get(i).substring(0, every.get(i).indexOf(':')), k -> new ArrayList<>()).add(i);
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        byKind.values().forEach(indexes -> chosen.add(indexes.get(random.nextInt(indexes.size()))));
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < every.size(); i++) {
            rest.add(i);
        }
        Collections.shuffle(rest, random);
        for (int i = 0; chosen.size() < count; i++) {
            chosen.add(rest.get(i));
        }
        List<String> points = chosen.stream().map(every::get).toList();
        System.out.println("KillEverywhereTest " + what + ": seed " + seed + " (repeat with -Dchassis.kill.seed=" + seed
                + ", every point with -Dchassis.kill.points=all): " + points);
        return points;
    }
}
