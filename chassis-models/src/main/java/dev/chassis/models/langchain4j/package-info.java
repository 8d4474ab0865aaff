/**
 * The LangChain4j bridge: any LangChain4j {@code StreamingChatModel} behind Chassis's
 * {@link dev.chassis.core.model.Model}, with typed failures, honest cancellation and the
 * provider's Retry-After kept. LangChain4j appears in no other module.
 */
package dev.chassis.models.langchain4j;
