/** In-process embeddings through LangChain4j: all-MiniLM-L6-v2 (quantised), English only. */
package dev.chassis.models.embed;
