/** Text embeddings: the {@link dev.chassis.core.embed.Embedder} SPI and vector arithmetic. */
package dev.chassis.core.embed;
