package dev.chassis.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.token.Tokenizer;
import dev.chassis.core.token.Tokenizers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of packing, over item lists and budgets from a seeded generator: each case names its seed, so a failure replays. */
class ContextPackerProperties {

    private static final String CHARS = "abcdefgh ,.\n";

    private final Tokenizer tokenizer = Tokenizers.defaultTokenizer();
    private final ContextPacker packer = new ContextPacker(tokenizer);

    static Stream<Arguments> cases() {
        return IntStream.range(0, 300).mapToObj(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, optionalItems(r), r.nextInt(401));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void a_packing_is_never_over_budget(int seed, List<ContextItem> items, int budget) {
        Packing p = packer.pack(items, budget);
        assertThat(p.tokens()).isLessThanOrEqualTo(budget);
        assertThat(tokenizer.count(p.render())).isLessThanOrEqualTo(budget);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void a_higher_priority_item_is_never_dropped_while_a_lower_one_is_kept(int seed, List<ContextItem> items, int budget) {
        Packing p = packer.pack(items, budget);
        int lowestKept = p.included().stream().mapToInt(ContextItem::priority).min().orElse(Integer.MAX_VALUE);
        for (LeftOut l : p.leftOut()) {
            assertThat(l.item().priority()).as("left out %s while priority %d kept", l, lowestKept).isLessThanOrEqualTo(lowestKept);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void every_item_is_either_included_or_reported_and_order_is_kept(int seed, List<ContextItem> items, int budget) {
        Packing p = packer.pack(items, budget);
        Set<String> seen = new HashSet<>();
        p.included().forEach(i -> seen.add(i.id()));
        p.leftOut().forEach(l -> assertThat(seen.add(l.item().id())).isTrue());
        assertThat(seen).hasSize(items.size());
        List<ContextItem> expectedOrder = new ArrayList<>(items);
        expectedOrder.retainAll(p.included());
        assertThat(p.included()).containsExactlyElementsOf(expectedOrder);
        p.leftOut().forEach(l -> assertThat(l.detail()).isNotBlank());
    }

    /** Budgets of 200 to 400 tokens, where the required item always fits. */
    static Stream<Arguments> roomyCases() {
        return IntStream.range(0, 100).mapToObj(seed -> {
            Random r = new Random(seed);
            return Arguments.of(seed, optionalItems(r), 200 + r.nextInt(201));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("roomyCases")
    void required_items_are_always_included_when_they_fit(int seed, List<ContextItem> items, int budget) {
        List<ContextItem> withRequired = new ArrayList<>(items);
        withRequired.add(ContextItem.required("rules", "Be kind. Ask one question at a time."));
        Packing p = packer.pack(withRequired, budget);
        assertThat(p.included()).extracting(ContextItem::id).contains("rules");
    }

    /** Up to 12 optional items of up to 300 characters, priorities 0 to 5. */
    static List<ContextItem> optionalItems(Random r) {
        int n = r.nextInt(13);
        List<ContextItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            int length = r.nextInt(301);
            for (int c = 0; c < length; c++) {
                text.append(CHARS.charAt(r.nextInt(CHARS.length())));
            }
            out.add(ContextItem.optional("item-" + i, text.toString(), r.nextInt(6)));
        }
        return out;
    }
}
