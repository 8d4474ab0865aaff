package dev.chassis.spring;

/**
 * A {@code chassis.*} property that cannot work, naming the property and what to set. Spring Boot reports it
 * as a failed start with that advice (see {@link ChassisFailureAnalyzer}), not as a stack trace.
 */
public final class ChassisConfigurationException extends RuntimeException {

    private final String property;
    private final String action;

    public ChassisConfigurationException(String property, String problem, String action) {
        super(property + ": " + problem);
        this.property = property;
        this.action = action;
    }

    /** The property at fault, e.g. {@code chassis.model.name}. */
    public String property() {
        return property;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
