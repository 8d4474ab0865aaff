/** Token counting with a real tokenizer (jtokkit), chosen by model name; cl100k by default. */
package dev.chassis.core.token;
