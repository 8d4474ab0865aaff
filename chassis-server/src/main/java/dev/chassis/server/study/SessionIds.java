package dev.chassis.server.study;

import java.security.SecureRandom;

/** New session ids: {@code s-} and 12 random characters, so nobody can guess one session's id from another's. Thread-safe. */
public final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private SessionIds() {
    }

    public static String newId() {
        StringBuilder b = new StringBuilder("s-");
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
