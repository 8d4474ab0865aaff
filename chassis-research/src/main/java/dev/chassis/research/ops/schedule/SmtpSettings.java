package dev.chassis.research.ops.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an SMTP server. Read from the environment where the application starts (never from a study
 * file: studies are shared, passwords are not):
 * {@code CHASSIS_SMTP_HOST} (required to send), {@code CHASSIS_SMTP_PORT} (587), {@code CHASSIS_SMTP_USER},
 * {@code CHASSIS_SMTP_PASSWORD}, {@code CHASSIS_SMTP_TLS} ({@code starttls}, {@code tls} or {@code none};
 * default {@code starttls}).
 */
public record SmtpSettings(String host, int port, Optional<String> user, Optional<String> password, Security security, Duration timeout) {

    /** How the connection is protected. */
    public enum Security { STARTTLS, TLS, NONE }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("CHASSIS_SMTP_PORT must be a port number (1-65535), was " + port);
        }
    }

    /** A server without login or encryption, as a local relay or a test server is. */
    public static SmtpSettings plain(String host, int port) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), Security.NONE, Duration.ofSeconds(20));
    }

    /**
     * The settings in {@code env}, or empty when {@code CHASSIS_SMTP_HOST} is not set.
     *
     * @throws IllegalArgumentException naming the variable when one is set to something unusable
     */
    public static Optional<SmtpSettings> fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("CHASSIS_SMTP_HOST", "").strip();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port;
        String p = env.getOrDefault("CHASSIS_SMTP_PORT", "587").strip();
        try {
            port = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CHASSIS_SMTP_PORT must be a port number, was '" + p + "'");
        }
        String tls = env.getOrDefault("CHASSIS_SMTP_TLS", "starttls").strip().toLowerCase(java.util.Locale.ROOT);
        Security security = switch (tls) {
            case "starttls" -> Security.STARTTLS;
            case "tls", "ssl" -> Security.TLS;
            case "none", "off" -> Security.NONE;
            default -> throw new IllegalArgumentException("CHASSIS_SMTP_TLS must be starttls, tls or none, was '" + tls + "'");
        };
        return Optional.of(new SmtpSettings(host, port, nonBlank(env.get("CHASSIS_SMTP_USER")), nonBlank(env.get("CHASSIS_SMTP_PASSWORD")),
                security, Duration.ofSeconds(20)));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    @Override
    public String toString() {   // never the password
        return "smtp://" + user.map(u -> u + "@").orElse("") + host + ":" + port + " (" + security.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
