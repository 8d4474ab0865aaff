package dev.chassis.server.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.chassis.core.input.Ids;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Participant links and report tickets as signed, expiring JSON Web Tokens (HS256, through the maintained
 * nimbus-jose-jwt library rather than a format of our own). A participant token names exactly one session
 * ({@code sub}), is for participant links only ({@code aud}), and expires ({@code exp}, the link lifetime);
 * a report ticket names one study and lives two minutes. Altering any part breaks the signature.
 *
 * <p>Keys rotate: the key file ({@code participant-links.keys}, mode 0600) holds the current key and the ones
 * before it, each with an id that tokens carry in their header ({@code kid}). New tokens are signed with the
 * newest key; older keys still verify the links already sent until those links have expired, then they are
 * dropped. {@code chassis serve --rotate-link-key} adds a new key. HMAC keys suit here because the server both
 * signs and verifies; nothing outside needs a public key. Thread-safe.
 */
public final class ParticipantTokens {

    static final String PARTICIPANT = "chassis:participant";
    static final String REPORT = "chassis:report";
    private static final String ISSUER = "chassis";
    /** A token's clock may differ from ours by this much (tokens are made and checked by this server: little). */
    private static final Duration SKEW = Duration.ofSeconds(30);

    /** One signing key. {@code secret} is 32 random bytes, base64url. */
    record Key(String id, String secret, Instant created) {
        byte[] bytes() {
            return Base64.getUrlDecoder().decode(secret);
        }
    }

    record KeyFile(List<Key> keys) {
        KeyFile {
            keys = List.copyOf(keys);
        }
    }

    private final List<Key> keys;          // newest first
    private final Duration lifetime;
    private final Clock clock;

    private ParticipantTokens(List<Key> keys, Duration lifetime, Clock clock) {
        this.keys = List.copyOf(keys);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * The keys in {@code file}, created with one key on the first start; with {@code rotate} a new key is added
     * first. Keys older than any link they could have signed (the newest key's age plus the link lifetime) are dropped.
     *
     * @param lifetime how long a participant link stays valid
     */
    public static ParticipantTokens loadOrCreate(Path file, Duration lifetime, boolean rotate, Clock clock) {
        List<Key> keys = new ArrayList<>(Files.isRegularFile(file) ? read(file).keys() : List.of());
        boolean changed = false;
        if (keys.isEmpty() || rotate) {
            keys.addFirst(new Key("k" + Secrets.random(6), Secrets.random(32), clock.instant()));
            changed = true;
        }
        // a key retired when the next one was made signs nothing after that; its links expire one lifetime later
        for (int i = keys.size() - 1; i >= 1; i--) {
            if (keys.get(i - 1).created().plus(lifetime).plus(SKEW).isBefore(clock.instant())) {
                keys.remove(i);
                changed = true;
            }
        }
        if (changed) {
            Secrets.writeOwnerOnly(file, Json.write(new KeyFile(keys)) + "\n");
        }
        return new ParticipantTokens(keys, lifetime, clock);
    }

    /** How long a participant link stays valid. */
    public Duration lifetime() {
        return lifetime;
    }

    /** The ids of the keys that verify tokens, newest (the signing key) first. */
    public List<String> keyIds() {
        return keys.stream().map(Key::id).toList();
    }

    /** A participant token for {@code sessionId}, valid for the link lifetime. */
    public String sign(String sessionId) {
        Ids.check("session", sessionId);
        return token(PARTICIPANT, sessionId, clock.instant().plus(lifetime));
    }

    /** The session a participant token opens, when it is genuine, for participant links, and not expired; never throws. */
    public Optional<String> verify(String token) {
        return subject(token, PARTICIPANT).filter(Ids::valid);
    }

    /** A ticket to view {@code scope} (a report) until {@code expires}, signed like a participant token but for another audience. */
    public String ticket(String scope, Instant expires) {
        return token(REPORT, scope, expires);
    }

    /** Whether {@code ticket} is a genuine, unexpired ticket for {@code scope}. */
    public boolean checkTicket(String ticket, String scope) {
        return subject(ticket, REPORT).filter(scope::equals).isPresent();
    }

    private String token(String audience, String subject, Instant expires) {
        Key key = keys.getFirst();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.id()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.bytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a participant token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The subject of a genuine, unexpired token for {@code audience}; empty for anything else. */
    private Optional<String> subject(String token, String audience) {
        if (token == null || token.length() > 1_000) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();   // only what this server signs: no "none", no other algorithm
            }
            Optional<Key> key = keys.stream().filter(k -> k.id().equals(jwt.getHeader().getKeyID())).findFirst();
            if (key.isEmpty() || !jwt.verify(new MACVerifier(key.get().bytes()))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            boolean valid = ISSUER.equals(c.getIssuer()) && c.getAudience().equals(List.of(audience)) && c.getExpirationTime() != null
                    && c.getExpirationTime().toInstant().plus(SKEW).isAfter(now) && c.getSubject() != null;
            return valid ? Optional.of(c.getSubject()) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static KeyFile read(Path file) {
        try {
            return Json.MAPPER.readValue(Secrets.read(file), new TypeReference<KeyFile>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the participant link keys in " + file + " (delete it to start again: "
                    + "every link sent so far stops working): " + e.getMessage(), e);
        }
    }
}
