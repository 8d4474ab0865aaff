package dev.chassis.server.auth;

import dev.chassis.core.input.Ids;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks participant tokens: {@code <session id>.<HMAC-SHA256 of it>}, with a key kept in
 * {@code participant-links.key} (mode 0600). A token names exactly one session and cannot be altered
 * to name another without the key, so one participant can never reach another's interview. Thread-safe.
 */
public final class ParticipantLinks {


    private final SecretKeySpec key;

    private ParticipantLinks(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The key in {@code file}, created on the first start. */
    public static ParticipantLinks loadOrCreate(Path file) {
        if (!Files.isRegularFile(file)) {
            Secrets.writeOwnerOnly(file, Secrets.random(32) + "\n");
        }
        return new ParticipantLinks(Base64.getUrlDecoder().decode(Secrets.read(file)));
    }

    /** The token for {@code sessionId}. */
    public String sign(String sessionId) {
        Ids.check("session", sessionId);
        return sessionId + "." + mac(sessionId);
    }

    /** The session a token is for, when the token is genuine; empty for anything else (never throws). */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String session = token.substring(0, dot);
        if (!Ids.valid(session)) {
            return Optional.empty();
        }
        byte[] expected = mac(session).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(session) : Optional.empty();
    }

    /**
     * A ticket for viewing one report in a frame or a new tab, where no bearer header can be sent: valid
     * for {@code scope} until {@code expiresEpochSecond}. Signed with the same key under another purpose.
     */
    public String ticket(String scope, long expiresEpochSecond) {
        return expiresEpochSecond + "." + hmac("chassis-ticket:" + scope + ":" + expiresEpochSecond);
    }

    /** Whether {@code ticket} is genuine for {@code scope} and not expired at {@code nowEpochSecond}. */
    public boolean checkTicket(String ticket, String scope, long nowEpochSecond) {
        if (ticket == null || ticket.length() > 200 || ticket.indexOf('.') <= 0) {
            return false;
        }
        String expiry = ticket.substring(0, ticket.indexOf('.'));
        if (!expiry.matches("[0-9]{1,12}") || Long.parseLong(expiry) < nowEpochSecond) {
            return false;
        }
        return MessageDigest.isEqual(ticket(scope, Long.parseLong(expiry)).getBytes(StandardCharsets.US_ASCII),
                ticket.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String sessionId) {
        return hmac("chassis-participant:" + sessionId);
    }

    private String hmac(String message) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            byte[] sig = m.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }
}
