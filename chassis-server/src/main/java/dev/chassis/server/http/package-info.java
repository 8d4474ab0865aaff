/**
 * What every part of the server shares about HTTP: the error shape ({@link dev.chassis.server.http.ApiError}) and the
 * exception that carries it, the web server's own errors as JSON, strict JSON bodies and size limits. It depends on no
 * other server package, so routes, interviews, studies and runs can all use it without a cycle.
 */
package dev.chassis.server.http;
