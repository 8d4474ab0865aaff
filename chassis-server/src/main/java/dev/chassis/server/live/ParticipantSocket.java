package dev.chassis.server.live;

import dev.chassis.server.auth.Access;
import dev.chassis.server.auth.ParticipantTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The participant's WebSocket, {@code /ws/p/<token>}: the token was checked before the upgrade
 * ({@link Access}); each message is rate-limited per session and must be a small JSON object with a
 * {@code type}. Replies are sent in order per connection.
 */
public final class ParticipantSocket {

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
                interviews.connect(id, peer);
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
                interviews.message(id.get(), peer, ParticipantMessage.parse(ctx.message()));
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
