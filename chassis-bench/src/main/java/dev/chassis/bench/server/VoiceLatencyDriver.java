package dev.chassis.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chassis.bench.Percentiles;
import dev.chassis.talk.voice.Pcm;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * End of speech → first audio byte on a voice interview over the participant WebSocket, with the offline engines
 * (Silero VAD, adaptive end of turn, pocketsphinx, espeak-ng) and the offline interviewer: a participant speaks each
 * answer in real time (espeak-ng speech, 100 ms pieces every 100 ms, then silence), and the time runs from the moment
 * the last piece holding speech was sent to the first binary message of the reply. Between answers the participant
 * waits until the reply's audio has played, so nothing is a barge-in.
 *
 * <p>With {@code bargein} the participant instead speaks over each reply a second or so after its audio began, and
 * the time runs from the first piece holding speech to the {@code interrupted} message (when the page stops playing);
 * any audio of the cut reply after it is counted.
 *
 * <p>Each answer's time is broken into its parts as the server timed them ({@link LatencyParts}): end-of-turn silence,
 * the recogniser's final pass, the harness up to the reply's first sentence, its synthesis up to the first audio, the rest;
 * and under it what the end-of-turn detector weighed at the pause that ended the turn (its base, learned or not, the words' and
 * the pitch's factors).
 *
 * <p>With {@code compare} the answers alternate between speculative turn preparation on and off (the server reads
 * {@code chassis.voice.speculate} at each pause), so both columns come from the same run, interview and load.
 *
 * <p>Usage: {@code VoiceLatencyDriver [answers=20] [bargein|compare]}.
 */
public final class VoiceLatencyDriver {

    private static final int PIECE = 1_600;

    public static void main(String[] args) throws Exception {
        int answers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        boolean bargeIn = args.length > 1 && args[1].equals("bargein");
        List<Long> without = args.length > 1 && args[1].equals("compare") ? new ArrayList<>() : null;
        List<short[]> speech = VoiceBenchServer.answers();
        List<Long> latencies = new ArrayList<>();
        LatencyParts[] parts = {new LatencyParts(), new LatencyParts()};   // prepared (or the only column), not prepared
        try (VoiceBenchServer server = VoiceBenchServer.start()) {
            System.out.printf("Voice: %s, %d answers, offline engines and interviewer%n",
                    bargeIn ? "speech onset over a reply -> its audio stopped" : "end of speech -> first audio byte", answers);
            while (latencies.size() < answers || without != null && without.size() < answers) {
                VoiceBenchServer.Link link = server.newSession();
                if (bargeIn) {
                    bargeIns(server, link.link(), speech, latencies, answers);
                } else {
                    interview(server, link, speech, latencies, without, answers, parts);
                }
            }
        }
        Percentiles p = new Percentiles(latencies);
        System.out.println((bargeIn ? "speech onset -> interrupted (audio stopped): " : "end of speech -> first audio byte: ")
                + (without != null ? "prepared: " : "") + p.line());
        if (!bargeIn) {
            System.out.print(parts[0].summary("  "));
        }
        if (without != null) {
            Percentiles q = new Percentiles(without);
            System.out.println("end of speech -> first audio byte: not prepared: " + q.line());
            System.out.print(parts[1].summary("  "));
            System.out.printf("ratio prepared / not prepared: p50 %.2f, p90 %.2f%n", p.percentileMillis(50) / q.percentileMillis(50), p.percentileMillis(90) / q.percentileMillis(90));
        }
    }

    /** One interview until it ends or enough answers were timed. */
    private static void interview(VoiceBenchServer server, VoiceBenchServer.Link link, List<short[]> speech, List<Long> latencies,
                                  List<Long> without, int wanted, LatencyParts[] parts) throws Exception {
        VoiceListener heard = new VoiceListener();
        WebSocket ws = server.spoken(link.link(), heard);
        for (int i = 0; latencies.size() < wanted || without != null && without.size() < wanted; i++) {
            boolean prepared = without == null || i % 2 == 0;
            System.setProperty("chassis.voice.speculate", prepared ? "on" : "off");
            List<Long> into = prepared ? latencies : without;
            long audioMs = heard.awaitReplyEnd(i);   // reply i (0 is the opening) ended; its audio is this long
            if (audioMs < 0) {
                break;   // the interview ended
            }
            Thread.sleep(audioMs + 800);   // it plays out: the next answer is not a barge-in
            short[] answer = speech.get(i % speech.size());
            long speechEnd = 0;
            for (int at = 0; at < answer.length + 16_000 * 3 && heard.firstAudio(i + 1) == 0; at += PIECE) {
                short[] piece = new short[PIECE];
                if (at < answer.length) {
                    System.arraycopy(answer, at, piece, 0, Math.min(PIECE, answer.length - at));
                }
                ws.sendBinary(ByteBuffer.wrap(Pcm.toBytes(piece)), true).join();
                if (at < answer.length) {
                    speechEnd = System.nanoTime();
                }
                Thread.sleep(100);   // real time, as a microphone sends
            }
            long first = heard.awaitFirstAudio(i + 1);
            into.add(first - speechEnd);
            String split = "";
            for (JsonNode t : server.voiceTurns(link.session())) {
                if (t.path("turn").asInt() == i + 1) {
                    split = " = " + parts[prepared ? 0 : 1].add(t, first - speechEnd)
                            + " (wait + final pass + harness + synthesis + send)\n      " + LatencyParts.endOfTurn(t);
                }
            }
            System.out.printf("  answer %d%s: %.0f ms%s%n", into.size(), without == null ? "" : prepared ? " (prepared)" : " (not prepared)",
                    (first - speechEnd) / 1e6, split);
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** One interview where every answer is spoken over the reply before it, about a second into its audio. */
    private static void bargeIns(VoiceBenchServer server, String link, List<short[]> speech, List<Long> stops, int wanted)
            throws Exception {
        VoiceListener heard = new VoiceListener();
        WebSocket ws = server.spoken(link, heard);
        for (int i = 0; stops.size() < wanted && !heard.over; i++) {
            heard.awaitFirstAudio(i);
            Thread.sleep(800 + 200L * (i % 3));   // the person listens a little, then talks over it
            short[] answer = speech.get(i % speech.size());
            long onset = 0;
            for (int at = 0; at < answer.length + 16_000 * 3 && heard.firstAudio(i + 1) == 0 && !heard.over; at += PIECE) {
                short[] piece = new short[PIECE];
                if (at < answer.length) {
                    System.arraycopy(answer, at, piece, 0, Math.min(PIECE, answer.length - at));
                }
                ws.sendBinary(ByteBuffer.wrap(Pcm.toBytes(piece)), true).join();
                if (onset == 0) {
                    onset = System.nanoTime();
                }
                Thread.sleep(100);
            }
            Long stopped = heard.interrupted.get(i);
            if (stopped == null) {
                System.out.printf("  reply %d: not interrupted (its audio had ended)%n", i);
                continue;
            }
            stops.add(stopped - onset);
            System.out.printf("  reply %d: %.0f ms, audio after the interruption: %d bytes (first piece sent at %d, interrupted at %d)%n", i,
                    (stopped - onset) / 1e6, heard.lateBytes.getOrDefault(i, 0L), onset, stopped);
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
