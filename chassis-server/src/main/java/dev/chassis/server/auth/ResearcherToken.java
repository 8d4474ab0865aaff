package dev.chassis.server.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The researcher's bearer token. Created on the first start and shown once; only its SHA-256 hash is
 * stored (in {@code researcher-token.sha256}, mode 0600), so the data directory never holds a usable
 * token. Losing it means making a new one ({@code chassis serve --new-token}). Immutable, thread-safe.
 */
public final class ResearcherToken {

    /** Researcher tokens start with this, so that a leaked one is recognisable (secret scanners, logs). */
    static final String PREFIX = "chr_";

    private final byte[] hash;
    private final Optional<String> created;

    private ResearcherToken(byte[] hash, Optional<String> created) {
        this.hash = hash;
        this.created = created;
    }

    /**
     * Loads the token's hash from {@code file}, or creates a token when there is none (or when {@code renew}).
     */
    public static ResearcherToken loadOrCreate(Path file, boolean renew) {
        if (!renew && Files.isRegularFile(file)) {
            String hex = Secrets.read(file);
            if (hex.matches("[0-9a-f]{64}")) {
                return new ResearcherToken(HexFormat.of().parseHex(hex), Optional.empty());
            }
            throw new IllegalStateException(file + " is not a token hash; delete it or start with --new-token");
        }
        String token = PREFIX + Secrets.random(32);
        byte[] h = sha256(token);
        Secrets.writeOwnerOnly(file, HexFormat.of().formatHex(h) + "\n");
        return new ResearcherToken(h, Optional.of(token));
    }

    /** The token, when it was created by this start: the one moment it can be shown. */
    public Optional<String> createdNow() {
        return created;
    }

    /** Whether {@code presented} is the token; in constant time. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
