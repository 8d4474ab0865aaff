/**
 * The browser side: the researcher console and the participant page, plain HTML, JavaScript and CSS
 * served from the jar (no build step), with the chart library from its WebJar.
 */
package dev.chassis.server.web;
