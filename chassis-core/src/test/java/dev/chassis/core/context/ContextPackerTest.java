package dev.chassis.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.token.Tokenizers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextPackerTest {

    private final ContextPacker packer = new ContextPacker(Tokenizers.defaultTokenizer());

    @Test
    void required_items_that_cannot_fit_are_an_error_naming_them() {
        List<ContextItem> items = List.of(ContextItem.required("rules", "one two three four five six seven eight nine ten"));
        assertThatThrownBy(() -> packer.pack(items, 3))
                .isInstanceOf(ContextOverflowException.class)
                .hasMessage("required context needs 10 tokens but the budget is 3: rules (10). "
                        + "Raise the budget or shorten or un-require one of them.");
    }

    @Test
    void a_dropped_item_is_reported_with_its_size_and_what_was_left() {
        List<ContextItem> items = List.of(
                ContextItem.optional("small", "alpha beta", 5),
                ContextItem.optional("big", "word ".repeat(50), 4),
                ContextItem.optional("lower", "gamma", 1));
        Packing p = packer.pack(items, 10);
        assertThat(p.included()).extracting(ContextItem::id).containsExactly("small");
        assertThat(p.leftOut()).extracting(l -> l.item().id() + ":" + l.reason())
                .containsExactly("big:OVER_BUDGET", "lower:OUTRANKED");
        assertThat(p.leftOut().get(1).detail()).isEqualTo("priority 1 is below 'big' (priority 4), which did not fit");
    }

    @Test
    void the_same_items_always_render_the_same_text() {
        List<ContextItem> items = List.of(ContextItem.optional("a", "first", 1), ContextItem.optional("b", "second", 9));
        assertThat(packer.pack(items, 100).render()).isEqualTo("first\n\nsecond").isEqualTo(packer.pack(items, 100).render());
    }

    @Test
    void duplicate_ids_are_refused() {
        assertThatThrownBy(() -> packer.pack(List.of(ContextItem.optional("a", "x", 1), ContextItem.optional("a", "y", 1)), 10))
                .hasMessage("two context items share the id 'a'");
    }
}
