package dev.chassis.research.ops.study;

import dev.chassis.research.ops.recruit.Quota;
import dev.chassis.research.ops.recruit.ScreenerRule;
import java.util.List;

/** The {@code screener:} section of a study: requirements, exclusions and quotas (each optional). */
public record ScreenerSpec(List<ScreenerRule> require, List<ScreenerRule> exclude, List<Quota> quotas) {

    public ScreenerSpec {
        require = require == null ? List.of() : List.copyOf(require);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }

    public static final ScreenerSpec NONE = new ScreenerSpec(List.of(), List.of(), List.of());
}
