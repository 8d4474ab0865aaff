package dev.chassis.research.ops.recruit;

import dev.chassis.research.ops.pool.Participant;
import dev.chassis.research.ops.pool.Pool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Screens a pool deterministically: duplicates out, then requirements and exclusions, then minimum quotas
 * filled first, then the remaining places in pool order without exceeding any maximum. Every person gets a
 * decision with a reason. Immutable and thread-safe.
 *
 * <pre>{@code
 * Screening s = new Screener(rules.require(), rules.exclude(), rules.quotas(), 5).screen(pool);
 * }</pre>
 */
public final class Screener {

    private final List<ScreenerRule> require;
    private final List<ScreenerRule> exclude;
    private final List<Quota> quotas;
    private final int places;

    public Screener(List<ScreenerRule> require, List<ScreenerRule> exclude, List<Quota> quotas, int places) {
        if (places < 1) {
            throw new IllegalArgumentException("places must be 1 or more, was " + places);
        }
        this.require = List.copyOf(require);
        this.exclude = List.copyOf(exclude);
        this.quotas = List.copyOf(quotas);
        this.places = places;
    }

    public Screening screen(Pool pool) {
        Map<String, Screening.Decision> decided = new LinkedHashMap<>();
        List<Participant> eligible = new ArrayList<>();
        Map<String, Participant> byEmail = new HashMap<>();
        for (Participant p : pool.people()) {
            Participant first = byEmail.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p);
            if (first != null) {
                decided.put(p.id(), new Screening.Decision(p, Screening.Outcome.DUPLICATE,
                        "same email as " + first.id() + " (line " + first.line() + "); possibly a duplicate sign-up"));
                continue;
            }
            Optional<String> out = screenOut(p);
            if (out.isPresent()) {
                decided.put(p.id(), new Screening.Decision(p, Screening.Outcome.SCREENED_OUT, out.get()));
            } else {
                eligible.add(p);
            }
        }
        List<Participant> chosen = new ArrayList<>();
        for (Quota q : quotas) {
            if (q.min().isPresent()) {
                for (Participant p : eligible) {
                    if (count(chosen, q) >= q.min().getAsInt() || chosen.size() == places) {
                        break;
                    }
                    if (q.applies(p) && !chosen.contains(p) && full(chosen, p).isEmpty()) {
                        chosen.add(p);
                    }
                }
            }
        }
        for (Participant p : eligible) {
            if (chosen.contains(p)) {
                continue;
            }
            Optional<Quota> full = full(chosen, p);
            if (full.isPresent()) {
                decided.put(p.id(), new Screening.Decision(p, Screening.Outcome.OVER_QUOTA,
                        "eligible, but the quota " + full.get().describe() + " is full (" + full.get().max().getAsInt() + ")"));
            } else if (chosen.size() < places) {
                chosen.add(p);
            } else {
                decided.put(p.id(), new Screening.Decision(p, Screening.Outcome.RESERVE,
                        "eligible; in reserve, all " + places + " places are filled"));
            }
        }
        for (Participant p : chosen) {
            decided.put(p.id(), new Screening.Decision(p, Screening.Outcome.SELECTED, selectedReason(p)));
        }
        List<Screening.Decision> inPoolOrder = new ArrayList<>();
        pool.people().forEach(p -> inPoolOrder.add(decided.get(p.id())));
        List<Screening.Decision> ordered = new ArrayList<>();
        chosen.forEach(p -> ordered.add(decided.get(p.id())));
        inPoolOrder.stream().filter(d -> d.outcome() != Screening.Outcome.SELECTED).forEach(ordered::add);
        return new Screening(ordered, warnings(chosen));
    }

    private Optional<String> screenOut(Participant p) {
        List<String> reasons = new ArrayList<>();
        for (ScreenerRule r : require) {
            r.failure(p).ifPresent(reasons::add);
        }
        for (ScreenerRule r : exclude) {
            if (r.failure(p).isEmpty()) {
                reasons.add("excluded: " + r.field() + " is '" + p.field(r.field()).orElse("") + "'");
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private Optional<Quota> full(List<Participant> chosen, Participant p) {
        return quotas.stream().filter(q -> q.max().isPresent() && q.applies(p) && count(chosen, q) >= q.max().getAsInt()).findFirst();
    }

    private static long count(List<Participant> chosen, Quota q) {
        return chosen.stream().filter(q::applies).count();
    }

    private String selectedReason(Participant p) {
        List<String> met = quotas.stream().filter(q -> q.applies(p)).map(Quota::describe).toList();
        return "meets every requirement" + (met.isEmpty() ? "" : "; counts towards " + String.join(", ", met));
    }

    private List<String> warnings(List<Participant> chosen) {
        List<String> out = new ArrayList<>();
        for (Quota q : quotas) {
            if (q.min().isPresent() && count(chosen, q) < q.min().getAsInt()) {
                out.add("quota " + q.describe() + " wants at least " + q.min().getAsInt() + " but only " + count(chosen, q)
                        + " eligible people have it");
            }
        }
        if (chosen.size() < places) {
            out.add("only " + chosen.size() + " of " + places + " places could be filled from the pool");
        }
        return out;
    }
}
