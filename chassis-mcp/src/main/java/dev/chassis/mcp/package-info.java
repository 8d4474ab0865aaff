/**
 * MCP both ways, through the official MCP Java SDK, kept out of core and the harnesses (an ArchUnit rule):
 * {@link dev.chassis.mcp.McpToolServers} opens the MCP servers workflows declare (stdio or streamable HTTP) and hands
 * their tools to the work harness, where they run under the same policy, journal, budgets and replay as built-in
 * tools; {@link dev.chassis.mcp.ResearchMcpServer} offers the research application's operations (studies, runs,
 * reports) to MCP clients over stdio ({@code chassis mcp}).
 */
package dev.chassis.mcp;
