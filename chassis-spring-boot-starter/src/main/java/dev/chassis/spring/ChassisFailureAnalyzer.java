package dev.chassis.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link ChassisConfigurationException} into Spring Boot's "APPLICATION FAILED TO START" with its advice. */
public final class ChassisFailureAnalyzer extends AbstractFailureAnalyzer<ChassisConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ChassisConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
