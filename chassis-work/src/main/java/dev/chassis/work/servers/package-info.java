/**
 * Tools that live in other processes: a workflow declares the servers it uses (an MCP server started as a command
 * and spoken to over stdio, or one reached over streamable HTTP), and a {@link dev.chassis.work.servers.ToolServers}
 * implementation (chassis-mcp's, found on the class path) opens them. Their tools run through the same policy,
 * journal, budgets and replay as built-in tools; this package knows no protocol.
 */
package dev.chassis.work.servers;
