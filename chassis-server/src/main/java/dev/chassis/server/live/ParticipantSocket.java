package dev.chassis.server.live;

import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.server.auth.Access;
import dev.chassis.server.auth.ParticipantTokens;
import dev.chassis.talk.channel.Frame;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participant's WebSocket, {@code /ws/p/<token>}: the token was checked before the upgrade
 * ({@link Access}); each message is rate-limited per session and read as a frame ({@link WireFrames}). Frames
 * to the participant are sent in order per connection, through a queue an interruption overtakes.
 */
public final class ParticipantSocket {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantSocket.class);
    /** The close code for a connection the server could not set up because its storage failed (the page reconnects). */
    static final int STORAGE_CLOSE = 4503;

    private final Interviews interviews;
    private final ParticipantTokens links;
    private final Access access;
    private final Map<String, QueuedPeer> peers = new ConcurrentHashMap<>();

    public ParticipantSocket(Interviews interviews, ParticipantTokens links, Access access) {
        this.interviews = interviews;
        this.links = links;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.ws("/ws/p/{token}", ws -> {
            ws.onConnect(ctx -> session(ctx).ifPresentOrElse(id -> {
                ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
                QueuedPeer peer = peer(ctx);
                peers.put(ctx.sessionId(), peer);
                guarded(peer, true, () -> interviews.connect(id, peer));
            }, () -> ctx.closeSession(4401, "invalid link")));
            ws.onMessage(ctx -> {
                QueuedPeer peer = peers.get(ctx.sessionId());
                Optional<String> id = session(ctx);
                if (peer == null || id.isEmpty()) {
                    return;
                }
                if (!access.participantMessageAllowed(id.get())) {
                    peer.send(new Frame.Failed("too many messages; slow down"));
                    return;
                }
                guarded(peer, false, () -> interviews.message(id.get(), peer, WireFrames.decode(ctx.message())));
            });
            ws.onBinaryMessage(ctx -> {
                // audio: not counted against the message limit (a microphone sends ~10 a second), bounded in size instead
                QueuedPeer peer = peers.get(ctx.sessionId());
                Optional<String> id = session(ctx);
                if (peer != null && id.isPresent()) {
                    guarded(peer, false, () -> interviews.message(id.get(), peer, WireFrames.decodeAudio(ctx.data())));
                }
            });
            ws.onClose(ctx -> {
                QueuedPeer peer = peers.remove(ctx.sessionId());
                if (peer != null) {
                    peer.gone();
                    session(ctx).ifPresent(id -> interviews.message(id, peer, new Frame.Stop()));
                }
            });
            ws.onError(ctx -> { }); // a broken connection ends in onClose; nothing to tell anyone here
        });
    }

    /**
     * Runs a participant's request; what fails is said in plain words, never as an exception's text: a storage fault
     * as a {@code storage} message, anything else with an incident id (details in the log). A connection that cannot
     * be set up is closed, and the page connects again a moment later. Also for what a connection sent that is done on
     * another thread (its audio, see {@link VoiceSession#hear}).
     */
    static void guarded(Peer peer, boolean connecting, Runnable request) {
        try {
            request.run();
        } catch (JournalUnavailableException e) {
            peer.send(new Frame.Storage(false));
            if (connecting) {
                peer.close(STORAGE_CLOSE, "the server cannot reach its storage; trying again shortly");
            }
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("incident {} on a participant's connection", incident, e);
            peer.send(new Frame.Failed("the server failed (incident " + incident + "); please try again in a moment"));
            if (connecting) {
                peer.close(1011, "the server failed; trying again shortly");
            }
        }
    }

    private Optional<String> session(WsContext ctx) {
        return links.verify(ctx.pathParam("token"));
    }

    /** A participant's connection: its frames queued ({@link QueuedPeer}) over the WebSocket, each write awaited. */
    private static QueuedPeer peer(WsContext ctx) {
        return new QueuedPeer("participant-ws-" + ctx.sessionId(), new QueuedPeer.Wire() {
            @Override
            public CompletableFuture<Void> send(String text) {
                return written(ctx, done -> ctx.session.sendText(text, done));
            }

            @Override
            public CompletableFuture<Void> send(byte[] data) {
                return written(ctx, done -> ctx.session.sendBinary(java.nio.ByteBuffer.wrap(data), done));
            }

            @Override
            public void close(int code, String reason) {
                try {
                    if (ctx.session.isOpen()) {
                        ctx.closeSession(code, reason);
                    }
                } catch (RuntimeException e) {
                    // closed meanwhile: nothing to do
                }
            }
        });
    }

    /** Sends one message on an open connection; completes once Jetty wrote it (at once on a closed one). */
    private static CompletableFuture<Void> written(WsContext ctx, java.util.function.Consumer<Callback> send) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            if (ctx.session.isOpen()) {
                send.accept(Callback.from(() -> written.complete(null), written::completeExceptionally));
            } else {
                written.complete(null);
            }
        } catch (RuntimeException e) {
            written.completeExceptionally(e);   // closed while sending: onClose follows
        }
        return written;
    }
}
