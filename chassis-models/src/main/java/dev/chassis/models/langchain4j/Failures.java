package dev.chassis.models.langchain4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chassis.core.model.ModelException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps whatever LangChain4j or the transport threw to one typed {@link ModelException}. The
 * whole cause chain is searched, because LangChain4j wraps transport errors in its own.
 */
final class Failures {

    private Failures() {
    }

    static ModelException map(String model, Throwable error, String partialText, Duration elapsed, String keyVariable) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 12; depth++, t = t.getCause()) {
            switch (t) {
                case ModelException me -> {
                    return me;
                }
                case HttpStatusException hs -> {
                    return byStatus(model, hs.statusCode(), hs.getMessage(), hs.retryAfter(), keyVariable, hs);
                }
                case StreamTruncatedException st -> {
                    return new ModelException.StreamBroken(model, partialText, st);
                }
                case HttpTimeoutException ht -> {
                    return new ModelException.Timeout(model, elapsed);
                }
                case JsonProcessingException jp -> {
                    return new ModelException.MalformedReply(model, jp.getOriginalMessage(), jp);
                }
                case java.net.ConnectException ce -> {
                    return new ModelException.Unavailable(model, "cannot connect to the model server (connection refused); "
                            + "check that it is running and that the address is right", Optional.empty(), error);
                }
                case java.net.UnknownHostException uh -> {
                    return new ModelException.Unavailable(model, "cannot connect to the model server: unknown host "
                            + uh.getMessage() + "; check the address", Optional.empty(), error);
                }
                case java.nio.channels.UnresolvedAddressException ua -> {
                    return new ModelException.Unavailable(model, "cannot connect to the model server: its host name does not resolve; "
                            + "check the address", Optional.empty(), error);
                }
                default -> { }
            }
        }
        // No precise cause found: fall back to LangChain4j's own classification.
        return switch (error) {
            case RateLimitException r -> new ModelException.RateLimited(model, Optional.empty(), brief(r));
            case TimeoutException te -> new ModelException.Timeout(model, elapsed);
            case AuthenticationException a -> new ModelException.Configuration(model,
                    model + ": the provider rejected the credentials; check " + keyVariable);
            case ModelNotFoundException nf -> new ModelException.Configuration(model, model + ": the provider does not know this model");
            case HttpException h -> byStatus(model, h.statusCode(), h.getMessage(), Optional.empty(), keyVariable, h);
            default -> hasCause(error, IOException.class)
                    ? new ModelException.StreamBroken(model, partialText, error)
                    : looksMalformed(error)
                        ? new ModelException.MalformedReply(model, brief(error), error)
                        : new ModelException.ServerError(model, 0, brief(error), error);
        };
    }

    private static ModelException byStatus(String model, int status, String body, Optional<Duration> retryAfter,
                                           String keyVariable, Throwable cause) {
        return switch (status) {
            case 429 -> new ModelException.RateLimited(model, retryAfter, brief(body));
            case 401, 403 -> new ModelException.Configuration(model,
                    model + ": the provider rejected the credentials (HTTP " + status + "); check " + keyVariable, cause);
            case 404 -> new ModelException.Configuration(model, model + ": not found at the provider (HTTP 404); check the model name and URL", cause);
            default -> new ModelException.ServerError(model, status, brief(body), cause);
        };
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (int depth = 0; t != null && depth < 12; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksMalformed(Throwable t) {
        for (int depth = 0; t != null && depth < 12; depth++, t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains("Json") || name.contains("Parse") || name.contains("Mismatched")) {
                return true;
            }
        }
        return false;
    }

    private static String brief(Throwable t) {
        return brief(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static String brief(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
