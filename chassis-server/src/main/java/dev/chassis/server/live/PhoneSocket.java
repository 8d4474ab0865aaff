package dev.chassis.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.talk.channel.Frame;
import dev.chassis.talk.voice.MuLaw;
import dev.chassis.talk.voice.Pcm;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A telephone call into an interview, {@code /ws/phone/<token>}: the WebSocket of Twilio's bidirectional Media Streams
 * ({@code <Connect><Stream url="wss://host/ws/phone/<token>"/>}). Twilio sends {@code connected}, then {@code start}
 * (the stream's id and its audio format, 8 kHz mono μ-law), then the caller's audio as {@code media} messages (base64
 * μ-law, 20 ms each), {@code mark} when audio sent before a mark has played, and {@code stop} when the call ends. The
 * call is a voice participant: at {@code start} it joins the interview, says it will speak and starts it; its audio
 * goes to the same turn-taking as the page's. Back go the interviewer's words as {@code media} (16 kHz audio brought
 * to 8 kHz μ-law), each followed by a {@code mark}; an interruption sends {@code clear}, which empties Twilio's buffer
 * (the barge-in). An echoed mark that is the latest sent means everything sent has played. Thread-safe.
 */
public final class PhoneSocket {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PHONE_RATE = 8_000;
    /** The close code for a stream whose audio format this adapter does not take. */
    static final int UNSUPPORTED_CLOSE = 1003;

    private final Interviews interviews;
    private final ParticipantTokens links;
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    public PhoneSocket(Interviews interviews, ParticipantTokens links) {
        this.interviews = interviews;
        this.links = links;
    }

    public void register(RoutesConfig r) {
        r.ws("/ws/phone/{token}", ws -> {
            ws.onConnect(ctx -> {
                Optional<String> id = links.verify(ctx.pathParam("token"));
                if (id.isEmpty()) {
                    ctx.closeSession(4401, "invalid link");
                    return;
                }
                calls.put(ctx.sessionId(), new Call(id.get(), ctx));
            });
            ws.onMessage(ctx -> {
                Call c = calls.get(ctx.sessionId());
                if (c != null) {
                    c.message(ctx.message());
                }
            });
            ws.onClose(ctx -> {
                Call c = calls.remove(ctx.sessionId());
                if (c != null) {
                    c.ended();
                }
            });
            ws.onError(ctx -> { });
        });
    }

    /** One call: its stream and the peer the interview speaks to. */
    private final class Call {
        private final String sessionId;
        private final WsContext ctx;
        private volatile PhonePeer peer;   // once the stream started

        Call(String sessionId, WsContext ctx) {
            this.sessionId = sessionId;
            this.ctx = ctx;
        }

        void message(String text) {
            JsonNode m;
            try {
                m = JSON.readTree(text);
            } catch (Exception e) {
                LOG.warn("phone stream of session {}: a message that is not JSON was ignored", sessionId);
                return;
            }
            try {
                switch (m.path("event").asText()) {
                    case "start" -> start(m);
                    case "media" -> media(m);
                    case "mark" -> mark(m);
                    case "stop" -> ended();
                    default -> { }   // connected, dtmf: nothing to do
                }
            } catch (RuntimeException e) {
                LOG.error("phone stream of session {}: '{}' failed", sessionId, m.path("event").asText(), e);
            }
        }

        private void start(JsonNode m) {
            JsonNode s = m.path("start");
            JsonNode format = s.path("mediaFormat");
            String streamSid = m.path("streamSid").asText(s.path("streamSid").asText());
            if (!format.path("encoding").asText().equals("audio/x-mulaw") || format.path("sampleRate").asInt() != PHONE_RATE
                    || format.path("channels").asInt(1) != 1) {
                ctx.closeSession(UNSUPPORTED_CLOSE, "only 8 kHz mono mu-law audio is supported (Twilio Media Streams)");
                return;
            }
            if (streamSid.isEmpty() || peer != null) {
                return;
            }
            PhonePeer p = new PhonePeer(streamSid, ctx);
            peer = p;
            interviews.connect(sessionId, p);
            interviews.message(sessionId, p, new Frame.Voice());
            interviews.message(sessionId, p, new Frame.Start());
        }

        private void media(JsonNode m) {
            PhonePeer p = peer;
            JsonNode media = m.path("media");
            if (p == null || !media.path("track").asText("inbound").startsWith("inbound")) {
                return;
            }
            byte[] ulaw = Base64.getDecoder().decode(media.path("payload").asText(""));
            if (ulaw.length > 0) {
                short[] audio = Pcm.resample(MuLaw.decode(ulaw), PHONE_RATE, VoiceSession.RATE);
                interviews.message(sessionId, p, new Frame.AudioIn(audio));
            }
        }

        private void mark(JsonNode m) {
            PhonePeer p = peer;
            if (p != null && p.lastMark(m.path("mark").path("name").asText())) {
                interviews.played(sessionId);
            }
        }

        void ended() {
            PhonePeer p = peer;
            if (p != null && p.hangUp()) {
                interviews.message(sessionId, p, new Frame.Stop());
            }
        }
    }

    /** What the interview says, as Twilio takes it: audio and marks, and a clear for an interruption. */
    static final class PhonePeer implements Peer {
        private final String streamSid;
        private final WsContext ctx;
        private final dev.chassis.talk.channel.OutboundQueue queue;
        private volatile boolean gone;
        private volatile String lastMark = "";
        private long marks;   // on the queue's thread

        PhonePeer(String streamSid, WsContext ctx) {
            this.streamSid = streamSid;
            this.ctx = ctx;
            this.queue = new dev.chassis.talk.channel.OutboundQueue(this::write, "phone-" + streamSid);
        }

        @Override
        public void send(Frame.Out frame) {
            if (frame instanceof Frame.AudioOut || frame instanceof Frame.Interrupted) {
                queue.send(frame);   // the rest (captions, notices) has no place on a call
            }
        }

        private void write(Frame.Out frame) {
            if (gone) {
                return;
            }
            ObjectNode m = JSON.createObjectNode().put("streamSid", streamSid);
            switch (frame) {
                case Frame.AudioOut a -> {
                    m.put("event", "media").putObject("media")
                            .put("payload", Base64.getEncoder().encodeToString(MuLaw.encode(Pcm.resample(a.samples(), VoiceSession.RATE, PHONE_RATE))));
                    text(m);
                    String name = "t" + a.turn() + "-" + (++marks);
                    lastMark = name;
                    text(JSON.createObjectNode().put("event", "mark").put("streamSid", streamSid).set("mark",
                            JSON.createObjectNode().put("name", name)));
                }
                case Frame.Interrupted i -> text(m.put("event", "clear"));
                default -> { }
            }
        }

        /** Sends one message and waits until it was written (the next may not start before). */
        private void text(JsonNode m) {
            java.util.concurrent.CompletableFuture<Void> written = new java.util.concurrent.CompletableFuture<>();
            try {
                if (!ctx.session.isOpen()) {
                    return;
                }
                ctx.session.sendText(m.toString(), org.eclipse.jetty.websocket.api.Callback.from(() -> written.complete(null),
                        written::completeExceptionally));
                written.get(QueuedPeer.WRITE_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                gone = true;
                close(QueuedPeer.TOO_SLOW_CLOSE, "the call's stream took too long to take the interviewer's audio");
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                // the call ended while sending: its close follows
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Whether {@code name} is the last mark sent: everything before it has played. */
        boolean lastMark(String name) {
            return !name.isEmpty() && name.equals(lastMark);
        }

        /** The call ended; true the first time. */
        synchronized boolean hangUp() {
            if (gone) {
                return false;
            }
            gone = true;
            queue.close();
            return true;
        }

        @Override
        public void close(int code, String reason) {
            queue.close();
            try {
                if (ctx.session.isOpen()) {
                    ctx.closeSession(code, reason);
                }
            } catch (RuntimeException e) {
                // closed meanwhile
            }
        }

        @Override
        public boolean closed() {
            return gone;
        }
    }
}
