package dev.chassis.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.token.Tokenizer;
import dev.chassis.core.token.Tokenizers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ContextPackerProperties {

    private final Tokenizer tokenizer = Tokenizers.defaultTokenizer();
    private final ContextPacker packer = new ContextPacker(tokenizer);

    @Property(tries = 300)
    void a_packing_is_never_over_budget(@ForAll("optionalItems") List<ContextItem> items, @ForAll @IntRange(max = 400) int budget) {
        Packing p = packer.pack(items, budget);
        assertThat(p.tokens()).isLessThanOrEqualTo(budget);
        assertThat(tokenizer.count(p.render())).isLessThanOrEqualTo(budget);
    }

    @Property(tries = 300)
    void a_higher_priority_item_is_never_dropped_while_a_lower_one_is_kept(
            @ForAll("optionalItems") List<ContextItem> items, @ForAll @IntRange(max = 400) int budget) {
        Packing p = packer.pack(items, budget);
        int lowestKept = p.included().stream().mapToInt(ContextItem::priority).min().orElse(Integer.MAX_VALUE);
        for (LeftOut l : p.leftOut()) {
            assertThat(l.item().priority()).as("left out %s while priority %d kept", l, lowestKept).isLessThanOrEqualTo(lowestKept);
        }
    }

    @Property(tries = 300)
    void every_item_is_either_included_or_reported_and_order_is_kept(
            @ForAll("optionalItems") List<ContextItem> items, @ForAll @IntRange(max = 400) int budget) {
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

    @Property(tries = 100)
    void required_items_are_always_included_when_they_fit(
            @ForAll("optionalItems") List<ContextItem> items, @ForAll @IntRange(min = 200, max = 400) int budget) {
        List<ContextItem> withRequired = new ArrayList<>(items);
        withRequired.add(ContextItem.required("rules", "Be kind. Ask one question at a time."));
        Packing p = packer.pack(withRequired, budget);
        assertThat(p.included()).extracting(ContextItem::id).contains("rules");
    }

    @Provide
    Arbitrary<List<ContextItem>> optionalItems() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abcdefgh ,.\n").ofMinLength(0).ofMaxLength(300);
        Arbitrary<Integer> priority = Arbitraries.integers().between(0, 5);
        return Combinators.combine(text, priority).as((t, pr) -> new Object[] {t, pr})
                .list().ofMaxSize(12)
                .map(raw -> {
                    List<ContextItem> out = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        out.add(ContextItem.optional("item-" + i, (String) raw.get(i)[0], (Integer) raw.get(i)[1]));
                    }
                    return out;
                });
    }
}
