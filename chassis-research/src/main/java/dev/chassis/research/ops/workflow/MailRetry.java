package dev.chassis.research.ops.workflow;

import dev.chassis.research.ops.schedule.InviteMail;
import dev.chassis.research.ops.schedule.MailException;
import dev.chassis.research.ops.schedule.Mailer;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/** Sends an invitation, trying a mail server that could not be reached three times with backoff; a refusal is not retried. */
final class MailRetry {

    private static final RetryConfig CONFIG = RetryConfig.custom()
            .maxAttempts(3)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(500, 2.0))
            .retryOnException(e -> e instanceof MailException m && !m.permanent())
            .build();

    private MailRetry() {
    }

    static void send(Mailer mailer, InviteMail mail) {
        Retry.of("invite-mail", CONFIG).executeRunnable(() -> mailer.send(mail));
    }
}
