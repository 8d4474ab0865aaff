package dev.chassis.bench.talk;

import dev.chassis.bench.Percentiles;
import dev.chassis.talk.voice.EndOfTurnDetector;
import dev.chassis.talk.voice.Prosody;
import dev.chassis.talk.voice.SpeechToText;
import dev.chassis.talk.voice.VoiceActivityDetector;
import dev.chassis.testkit.speech.FixedRecognizer;
import dev.chassis.testkit.speech.ScriptedRecognizer;
import dev.chassis.testkit.speech.Speech;
import dev.chassis.testkit.speech.SpokenTurn;
import dev.chassis.testkit.speech.TurnScripts;
import dev.chassis.testkit.speech.TurnTakingTrial;
import dev.chassis.voice.offline.PocketSphinx;
import dev.chassis.voice.offline.SileroVad;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * End-of-turn detection measured on speech with known pauses: false cut-ins (a turn taken during a mid-turn pause) and
 * the wait from the real end of speech to the decision, for fixed silences and the adaptive detector, with and without
 * words from a recogniser. Synthesised answers in seven languages by two speakers each (espeak-ng; a brisk one and a
 * slow one who pauses longer), and recorded speech (the human voice of alsa-utils' /usr/share/sounds/alsa, under its
 * pink noise). Also the cost of a decision and of the voice activity model per frame.
 *
 * <pre>
 * java -cp 'chassis-bench/target/classes:chassis-bench/target/lib/*' dev.chassis.bench.talk.TurnTakingDriver
 * </pre>
 */
public final class TurnTakingDriver {

    private record Config(String name, Supplier<EndOfTurnDetector> eot, BiFunction<SpokenTurn, LongSupplier, SpeechToText> stt) { }

    private TurnTakingDriver() {
    }

    public static void main(String[] args) throws Exception {
        VoiceActivityDetector vad = SileroVad.create();
        BiFunction<SpokenTurn, LongSupplier, SpeechToText> words = (t, fed) -> new ScriptedRecognizer(t, fed, Duration.ofMillis(300));
        BiFunction<SpokenTurn, LongSupplier, SpeechToText> none = (t, fed) -> FixedRecognizer.nothing();
        List<Config> configs = List.of(
                new Config("fixed 500 ms", () -> EndOfTurnDetector.fixed(Duration.ofMillis(500)), none),
                new Config("fixed 800 ms", () -> EndOfTurnDetector.fixed(Duration.ofMillis(800)), none),
                new Config("adaptive, prosody and speaker only", EndOfTurnDetector::adaptive, none),
                new Config("adaptive, words from a streaming recogniser", EndOfTurnDetector::adaptive, words));
        Map<String, Map<String, List<TurnTakingTrial.Outcome>>> results = new LinkedHashMap<>();
        long vadCpu = 0;
        long frames = 0;
        for (String lang : TurnScripts.languages()) {
            String voice = lang.equals("en") ? "en-us" : lang;
            List<List<SpokenTurn>> speakers = List.of(
                    TurnScripts.spoken(lang, new TurnScripts.Speaker(voice, 170, 45, 1.0), 11),
                    TurnScripts.spoken(lang, new TurnScripts.Speaker(voice + "+f2", 135, 60, 1.4), 12));
            for (Config c : configs) {
                for (List<SpokenTurn> turns : speakers) {
                    long cpu = cpu();
                    List<TurnTakingTrial.Outcome> o = TurnTakingTrial.run(turns, vad, c.eot().get(), lang, c.stt());
                    vadCpu += cpu() - cpu;
                    frames += turns.stream().mapToLong(t -> t.audio().length / 512).sum();
                    results.computeIfAbsent(c.name(), k -> new LinkedHashMap<>()).computeIfAbsent(lang, k -> new ArrayList<>()).addAll(o);
                }
            }
            if (lang.equals("en")) {
                for (List<SpokenTurn> turns : speakers) {
                    results.computeIfAbsent("adaptive, words from pocketsphinx (offline)", k -> new LinkedHashMap<>())
                            .computeIfAbsent(lang, k -> new ArrayList<>())
                            .addAll(TurnTakingTrial.run(turns, vad, EndOfTurnDetector.adaptive(), lang, (t, fed) -> PocketSphinx.create()));
                }
            }
        }
        System.out.println("## synthesised speech (espeak-ng), 7 languages x 2 speakers x 8 answers");
        print(results);
        recorded(vad, configs);
        System.out.printf("%nvoice activity + end-of-turn pipeline CPU: %.3f ms per 32 ms frame (%d frames)%n", vadCpu / 1e6 / frames, frames);
        decisionCost();
    }

    private static void print(Map<String, Map<String, List<TurnTakingTrial.Outcome>>> results) {
        System.out.println("| detector | language | answers | answers cut in | cut-ins | of them mid-phrase | wait p50 | wait p90 | wait max |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (var byConfig : results.entrySet()) {
            List<TurnTakingTrial.Outcome> all = new ArrayList<>();
            for (var byLang : byConfig.getValue().entrySet()) {
                all.addAll(byLang.getValue());
                if (byConfig.getValue().size() > 1) {
                    row(byConfig.getKey(), byLang.getKey(), byLang.getValue());
                }
            }
            row(byConfig.getKey(), "all", all);
        }
    }

    private static void row(String config, String lang, List<TurnTakingTrial.Outcome> o) {
        long cut = o.stream().filter(x -> x.cutIns() > 0).count();
        int cuts = o.stream().mapToInt(TurnTakingTrial.Outcome::cutIns).sum();
        int mid = o.stream().mapToInt(TurnTakingTrial.Outcome::midPhraseCutIns).sum();
        Percentiles waits = new Percentiles(o.stream().filter(x -> x.waited().isPresent()).map(x -> x.waited().get().toNanos()).toList());
        System.out.printf("| %s | %s | %d | %d (%.0f%%) | %d | %d | %.0f ms | %.0f ms | %.0f ms |%n", config, lang, o.size(), cut,
                100.0 * cut / o.size(), cuts, mid, waits.percentileMillis(50), waits.percentileMillis(90), waits.percentileMillis(100));
    }

    /** Two-phrase answers from the recorded voice, with pauses between the phrases, under the recording's pink noise. */
    private static void recorded(VoiceActivityDetector vad, List<Config> configs) throws IOException {
        Path dir = Path.of("/usr/share/sounds/alsa");
        if (!Files.isDirectory(dir)) {
            System.out.println("\n(no recorded speech: apt-get install alsa-utils for /usr/share/sounds/alsa)");
            return;
        }
        String[] names = {"Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right", "Side_Left", "Side_Right"};
        short[] noise = Speech.read(dir.resolve("Noise.wav"));
        java.util.Random r = new java.util.Random(5);
        List<SpokenTurn> turns = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String a = names[r.nextInt(names.length)];
            String b = names[r.nextInt(names.length)];
            SpokenTurn t = SpokenTurn.recorded(List.of(Speech.read(dir.resolve(a + ".wav")), Speech.read(dir.resolve(b + ".wav"))),
                    List.of(a.replace('_', ' '), b.replace('_', ' ')),
                    List.of(Duration.ofMillis(350 + r.nextInt(400)), Duration.ZERO), Duration.ofSeconds(3));
            short[] mixed = t.audio().clone();
            for (int j = 0; j < mixed.length; j++) {   // the pink noise 20 dB down, looped
                mixed[j] = (short) Math.max(-32768, Math.min(32767, mixed[j] + noise[j % noise.length] / 10));
            }
            turns.add(new SpokenTurn(t.pieces(), mixed, t.end()));
        }
        Map<String, Map<String, List<TurnTakingTrial.Outcome>>> results = new LinkedHashMap<>();
        for (Config c : configs) {
            results.computeIfAbsent(c.name(), k -> new LinkedHashMap<>()).put("en (recorded)",
                    TurnTakingTrial.run(turns, vad, c.eot().get(), "en", c.stt()));
        }
        System.out.println("\n## recorded speech (alsa-utils samples, one speaker, two-phrase answers, pink noise 20 dB down)");
        print(results);
    }

    private static void decisionCost() {
        EndOfTurnDetector eot = EndOfTurnDetector.adaptive();
        String[] texts = {"I started using it last spring and", "We meet every Monday", "Das Schwierigste war die", "No"};
        long sink = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            int n = 2_000_000;
            for (int i = 0; i < n; i++) {
                sink += eot.silenceNeeded(new EndOfTurnDetector.Pause(texts[i & 3], i % 2 == 0 ? "en" : "de", Prosody.Ending.LEVEL)).toMillis();
                if (i % 97 == 0) {
                    eot.resumed(new EndOfTurnDetector.Pause("fine", "en", Prosody.Ending.FALLING), Duration.ofMillis(400 + i % 300));
                }
            }
            if (round == 1) {
                System.out.printf("end-of-turn decision: %.0f ns each (%d)%n", (System.nanoTime() - t0) / (double) n, sink % 10);
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadCpuTime();
    }
}
