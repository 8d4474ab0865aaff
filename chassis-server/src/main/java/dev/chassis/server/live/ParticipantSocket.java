package dev.chassis.server.live;

import dev.chassis.core.journal.JournalUnavailableException;
import dev.chassis.server.auth.Access;
import dev.chassis.server.auth.ParticipantTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participant's WebSocket, {@code /ws/p/<token>}: the token was checked before the upgrade
 * ({@link Access}); each message is rate-limited per session and must be a small JSON object with a
 * {@code type}. Replies are sent in order per connection.
 */
public final class ParticipantSocket {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantSocket.class);
    /** The close code for a connection the server could not set up because its storage failed (the page reconnects). */
    static final int STORAGE_CLOSE = 4503;

    private final Interviews interviews;
    private final ParticipantTokens links;
    private final Access access;
    private final Map<String, WsPeer> peers = new ConcurrentHashMap<>();

    public ParticipantSocket(Interviews interviews, ParticipantTokens links, Access access) {
        this.interviews = interviews;
        this.links = links;
        this.access = access;
    }

    public void register(RoutesConfig r) {
        r.ws("/ws/p/{token}", ws -> {
            ws.onConnect(ctx -> session(ctx).ifPresentOrElse(id -> {
                ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
                WsPeer peer = new WsPeer(ctx);
                peers.put(ctx.sessionId(), peer);
                guarded(peer, true, () -> interviews.connect(id, peer));
            }, () -> ctx.closeSession(4401, "invalid link")));
            ws.onMessage(ctx -> {
                WsPeer peer = peers.get(ctx.sessionId());
                Optional<String> id = session(ctx);
                if (peer == null || id.isEmpty()) {
                    return;
                }
                if (!access.participantMessageAllowed(id.get())) {
                    peer.send(Messages.error("too many messages; slow down"));
                    return;
                }
                guarded(peer, false, () -> interviews.message(id.get(), peer, ParticipantMessage.parse(ctx.message())));
            });
            ws.onClose(ctx -> {
                WsPeer peer = peers.remove(ctx.sessionId());
                session(ctx).ifPresent(id -> {
                    if (peer != null) {
                        interviews.disconnect(id, peer);
                    }
                });
            });
            ws.onError(ctx -> { }); // a broken connection ends in onClose; nothing to tell anyone here
        });
    }

    /**
     * Runs a participant's request; what fails is said in plain words, never as an exception's text: a storage fault
     * as a {@code storage} message, anything else with an incident id (details in the log). A connection that cannot
     * be set up is closed, and the page connects again a moment later.
     */
    private static void guarded(Peer peer, boolean connecting, Runnable request) {
        try {
            request.run();
        } catch (JournalUnavailableException e) {
            peer.send(Messages.storage(false));
            if (connecting) {
                peer.close(STORAGE_CLOSE, "the server cannot reach its storage; trying again shortly");
            }
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("incident {} on a participant's connection", incident, e);
            peer.send(Messages.error("the server failed (incident " + incident + "); please try again in a moment"));
            if (connecting) {
                peer.close(1011, "the server failed; trying again shortly");
            }
        }
    }

    private Optional<String> session(WsContext ctx) {
        return links.verify(ctx.pathParam("token"));
    }

    /** A connection; sends are serialised, because the model's token callbacks and the handlers send concurrently. */
    private static final class WsPeer implements Peer {
        private final WsContext ctx;
        private final ReentrantLock lock = new ReentrantLock();

        WsPeer(WsContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void send(String json) {
            lock.lock();
            try {
                if (ctx.session.isOpen()) {
                    ctx.send(json);
                }
            } catch (RuntimeException e) {
                // the connection closed while sending: onClose follows, nothing else to do
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close(int code, String reason) {
            lock.lock();   // after any send in progress, so the last message goes out before the close
            try {
                if (ctx.session.isOpen()) {
                    ctx.closeSession(code, reason);
                }
            } catch (RuntimeException e) {
                // closed meanwhile: nothing to do
            } finally {
                lock.unlock();
            }
        }
    }
}
