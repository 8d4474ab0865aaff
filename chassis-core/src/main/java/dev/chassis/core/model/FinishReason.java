package dev.chassis.core.model;

/** Why a model stopped generating. */
public enum FinishReason {
    /** The reply is complete. */
    STOP,
    /** The output token limit was reached. */
    LENGTH,
    /** The model stopped to call tools. */
    TOOL_CALLS,
    /** The provider filtered the content. */
    CONTENT_FILTER,
    /** Any other reason the provider reported. */
    OTHER
}
