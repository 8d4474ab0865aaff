package dev.chassis.voice.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.talk.voice.TextToSpeech;
import dev.chassis.talk.voice.Word;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** espeak-ng speaks several sessions' sentences at once, each copy of the library as if it were alone. */
class EspeakVoicesTest {

    private static final List<String> SENTENCES = List.of("What made you start using it in the first place?",
            "Tell me about the last time it went wrong, step by step.", "Comment avez-vous choisi cet outil ?",
            "Wie oft benutzen Sie es in einer normalen Woche?", "How did your team react when it changed?",
            "What would you miss most if it were gone tomorrow?");
    private static final List<String> LANGUAGES = List.of("en", "en", "fr", "de", "en", "en");

    @Test
    void sentences_spoken_at_once_sound_as_each_spoken_alone_and_on_several_voices() throws Exception {
        EspeakNg tts = EspeakNg.create();
        assumeTrue(tts.voices() >= 2, "one core: espeak-ng runs one voice here");
        List<byte[]> alone = new ArrayList<>();
        List<TextToSpeech.Spoken> aloneSpoken = new ArrayList<>();
        for (int i = 0; i < SENTENCES.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            aloneSpoken.add(tts.speak(SENTENCES.get(i), LANGUAGES.get(i), c -> out.writeBytes(toBytes(c))).done().get(30, TimeUnit.SECONDS));
            alone.add(out.toByteArray());
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 3; round++) {
            List<ByteArrayOutputStream> outs = new ArrayList<>();
            List<TextToSpeech.Speech> speeches = new ArrayList<>();
            for (int i = 0; i < SENTENCES.size(); i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                outs.add(out);
                speeches.add(tts.speak(SENTENCES.get(i), LANGUAGES.get(i), c -> {
                    threads.add(Thread.currentThread().getName());
                    synchronized (out) {
                        out.writeBytes(toBytes(c));
                    }
                }));
            }
            for (int i = 0; i < SENTENCES.size(); i++) {
                TextToSpeech.Spoken spoken = speeches.get(i).done().get(30, TimeUnit.SECONDS);
                assertThat(spoken.words()).as("word timings of '%s'", SENTENCES.get(i)).isNotEmpty();
                // espeak-ng's noise draws on the C library's rand(), which the copies share, so the samples differ slightly
                // when sentences are spoken at once: the words and their places must not, the length hardly (a pause
                // drawn differently moved a French question by 6.5% on CI; a voice crossed with another moves it far more)
                List<Word> one = words(aloneSpoken.get(i));
                List<Word> beside = words(spoken);
                assertThat((double) outs.get(i).size()).as("'%s' spoken beside the others: its length", SENTENCES.get(i))
                        .isCloseTo(alone.get(i).length, org.assertj.core.data.Percentage.withPercentage(12));
                assertThat(beside.stream().map(Word::text).toList()).isEqualTo(one.stream().map(Word::text).toList());
                for (int w = 0; w < one.size(); w++) {
                    assertThat(beside.get(w).start().toMillis()).as("where '%s' begins", one.get(w).text())
                            .isCloseTo(one.get(w).start().toMillis(), org.assertj.core.data.Offset.offset(100L));
                }
            }
        }
        assertThat(threads).as("the voices that spoke").isNotEmpty();
        assertThat(tts.waiting()).isZero();
    }

    @Test
    void a_sentence_does_not_wait_for_another_one_being_spoken() throws Exception {
        EspeakNg tts = EspeakNg.create();
        assumeTrue(tts.voices() >= 2, "one core: espeak-ng runs one voice here");
        CountDownLatch secondSpeaking = new CountDownLatch(1);
        AtomicBoolean overlapped = new AtomicBoolean();
        TextToSpeech.Speech first = tts.speak(SENTENCES.get(1), "en", c -> {
            try {
                overlapped.compareAndSet(false, secondSpeaking.await(30, TimeUnit.SECONDS));   // held inside its synthesis
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TextToSpeech.Speech second = tts.speak(SENTENCES.get(0), "en", c -> secondSpeaking.countDown());
        second.done().get(60, TimeUnit.SECONDS);
        first.done().get(60, TimeUnit.SECONDS);
        assertThat(overlapped).as("the second sentence was spoken while the first one's synthesis was held").isTrue();
    }

    /** The words of two letters or more: espeak-ng sometimes marks a closing " ?" as a word of its own. */
    private static List<Word> words(TextToSpeech.Spoken spoken) {
        return spoken.words().stream().filter(w -> w.text().length() > 1).toList();
    }

    private static byte[] toBytes(short[] samples) {
        return dev.chassis.talk.voice.Pcm.toBytes(samples);
    }
}
