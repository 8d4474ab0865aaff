package dev.chassis.talk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.core.token.Tokenizers;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.talk.Feature;
import dev.chassis.talk.steer.SteeringPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TalkConfigTest {

    private static TalkConfig config() {
        OfflineModel model = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        return TalkConfig.builder().model(model).fallback(OfflineModel.builder().pacing(Pacing.INSTANT).build()).handOver(Optional.of(model))
                .firstTokenDeadline(Duration.ofMillis(700)).replyTimeout(Duration.ofSeconds(9)).contextBudget(6000, 400)
                .tokenizer(Tokenizers.defaultTokenizer()).journal(new InMemoryJournal()).steering(SteeringPolicy.builtIn())
                .features(EnumSet.allOf(Feature.class)).compactAfter(3000).compactor(Optional.of(model)).build();
    }

    @Test
    void a_copy_through_to_builder_equals_the_original() {
        TalkConfig c = config();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void a_copy_changes_only_what_it_sets_and_keeps_the_deadline_on_or_off_with_the_features() {
        TalkConfig c = config();
        InMemoryJournal other = new InMemoryJournal();
        TalkConfig copy = c.toBuilder().journal(other).handOver(Optional.empty()).build();

        assertThat(copy.journal()).isSameAs(other);
        assertThat(copy.handOver()).isEmpty();
        assertThat(copy).isEqualTo(new TalkConfig(c.model(), c.fallback(), Optional.empty(), c.deadline(), c.replyTimeout(), c.contextBudget(),
                c.replyReserve(), c.tokenizer(), other, c.embedder(), c.monitors(), c.steering(), c.features(), c.clock(), c.events(),
                c.openTelemetry(), c.compactAfter(), c.compactor()));
        assertThat(c.deadline()).isInstanceOf(FirstTokenDeadline.Armed.class);
        assertThat(c.toBuilder().features(EnumSet.complementOf(EnumSet.of(Feature.DEADLINE))).build().deadline())
                .isEqualTo(FirstTokenDeadline.of(false, Duration.ofMillis(700)));
    }
}
