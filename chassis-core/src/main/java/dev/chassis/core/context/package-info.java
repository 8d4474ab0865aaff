/**
 * Context packing: fitting prioritised pieces of text into a token budget, in a stable order, with a
 * report of everything left out and why.
 */
package dev.chassis.core.context;
