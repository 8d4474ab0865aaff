package dev.chassis.mcp;

import static dev.chassis.mcp.NotesWorkflow.stdioServer;
import static dev.chassis.mcp.NotesWorkflow.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.journal.InMemoryJournal;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.work.RunOutcome;
import dev.chassis.work.WorkHarness;
import dev.chassis.work.flow.Workflow;
import dev.chassis.work.journal.PauseKind;
import dev.chassis.work.journal.RunEvent;
import dev.chassis.work.journal.RunRecord;
import dev.chassis.work.journal.RunStatus;
import dev.chassis.work.servers.ToolServerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow's tools from real MCP servers: NotesServer started as its own process over stdio, and served over
 * streamable HTTP; its calls go through the workflow's policy, the journal and replay like built-in tools.
 */
class McpWorkflowToolsTest {

    private static WorkHarness harness(Path dir, InMemoryJournal journal, McpToolServers servers) {
        return WorkHarness.builder().model(OfflineModel.builder().pacing(Pacing.INSTANT).build()).journal(journal).workdir(dir)
                .toolServers(servers).build();
    }

    @Test
    void a_step_calls_the_tools_of_an_mcp_server_started_as_a_process_and_the_journal_holds_each_call(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.txt");
        InMemoryJournal journal = new InMemoryJournal();
        try (McpToolServers servers = new McpToolServers()) {
            WorkHarness h = harness(dir, journal, servers);
            Workflow wf = h.load(Files.writeString(dir.resolve("notes.yaml"), workflow(stdioServer(notes), "")));

            RunOutcome out = h.start(wf, WorkHarness.inputs(java.util.Map.of()), "n1");

            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(out.outputs().get("write").asText()).isEqualTo("1 notes");
            assertThat(out.usage().toolCalls()).isEqualTo(2);
            List<RunEvent.ToolStarted> calls = RunRecord.load("n1", journal).events(RunEvent.ToolStarted.class);
            assertThat(calls).extracting(RunEvent.ToolStarted::tool).containsExactly("notes__add_note", "notes__count_notes");
            // the side-effecting call carried its journal key to the server as an idempotency key
            assertThat(NotesServer.lines(notes)).containsExactly("hello [" + calls.getFirst().key() + "]");
        }
    }

    @Test
    void a_call_the_policy_asks_about_pauses_and_the_resumed_run_in_a_new_process_does_not_repeat_the_side_effect(@TempDir Path dir)
            throws Exception {
        Path notes = dir.resolve("notes.txt");
        InMemoryJournal journal = new InMemoryJournal();
        String yaml = workflow(stdioServer(notes), "policy:\n  rules:\n    - {tool: notes__count_notes, effect: ask, reason: count only with a person}\n");
        try (McpToolServers first = new McpToolServers()) {
            WorkHarness h = harness(dir, journal, first);
            RunOutcome paused = h.start(h.load(Files.writeString(dir.resolve("notes.yaml"), yaml)), WorkHarness.inputs(java.util.Map.of()), "n2");
            assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
            assertThat(paused.pending().orElseThrow().kind()).isEqualTo(PauseKind.TOOL);
            assertThat(NotesServer.lines(notes)).hasSize(1);
        }
        try (McpToolServers second = new McpToolServers()) { // another server process: the first was stopped
            RunOutcome done = harness(dir, journal, second).approve("n2", "maria", "fine");
            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(done.outputs().get("write").asText()).isEqualTo("1 notes");
        }
        assertThat(NotesServer.lines(notes)).hasSize(1);
    }

    @Test
    void a_denied_tool_never_reaches_the_server_and_an_error_from_the_server_is_a_failed_call(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.txt");
        InMemoryJournal journal = new InMemoryJournal();
        String yaml = """
                name: denied
                mcp:
                  notes:
                %s
                policy:
                  rules:
                    - {tool: "notes__add_*", effect: deny, reason: read only today}
                steps:
                  - id: write
                    instruction: Try to write.
                    tools: [notes__add_note, notes__locked]
                    offline:
                      calls:
                        - {tool: notes__add_note, arguments: {text: hello}}
                        - {tool: notes__locked, arguments: {}}
                      output: '${call.0} / ${call.1}'
                """.formatted(stdioServer(notes));
        try (McpToolServers servers = new McpToolServers()) {
            WorkHarness h = harness(dir, journal, servers);
            RunOutcome out = h.start(h.load(Files.writeString(dir.resolve("denied.yaml"), yaml)), WorkHarness.inputs(java.util.Map.of()), "n3");
            assertThat(out.outputs().get("write").asText())
                    .isEqualTo("refused: policy: read only today / error: the notebook is locked");
        }
        assertThat(notes).doesNotExist();
    }

    @Test
    void tools_come_from_a_server_reached_over_streamable_http(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.txt");
        Server jetty = NotesServer.http(notes);
        try (McpToolServers servers = new McpToolServers(java.util.Map.of("NOTES_TOKEN", "t0ken"))) {
            int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
            String server = "    url: http://127.0.0.1:" + port + "/mcp\n    headers: {Authorization: \"Bearer ${NOTES_TOKEN}\"}\n";
            WorkHarness h = harness(dir, new InMemoryJournal(), servers);
            RunOutcome out = h.start(h.load(Files.writeString(dir.resolve("notes.yaml"), workflow(server, ""))),
                    WorkHarness.inputs(java.util.Map.of()), "h1");
            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(out.outputs().get("write").asText()).isEqualTo("1 notes");
            assertThat(NotesServer.lines(notes)).hasSize(1);
        } finally {
            jetty.stop();
        }
    }

    @Test
    void a_tool_the_server_does_not_offer_fails_before_the_run_exists_naming_what_it_offers(@TempDir Path dir) throws Exception {
        String yaml = workflow(stdioServer(dir.resolve("notes.txt")), "").replace("notes__count_notes", "notes__count_words");
        InMemoryJournal journal = new InMemoryJournal();
        try (McpToolServers servers = new McpToolServers()) {
            WorkHarness h = harness(dir, journal, servers);
            Workflow wf = h.load(Files.writeString(dir.resolve("notes.yaml"), yaml));
            assertThatThrownBy(() -> h.start(wf, WorkHarness.inputs(java.util.Map.of()), "n4")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("step 'write' uses unknown tool 'notes__count_words'")
                    .hasMessageContaining("notes__add_note, notes__count_notes, notes__locked");
        }
        assertThat(journal.streams()).isEmpty();
    }

    @Test
    void declarations_are_checked_with_file_line_and_field(@TempDir Path dir) throws Exception {
        WorkHarness h = harness(dir, new InMemoryJournal(), new McpToolServers());
        String both = workflow("    command: [notes]\n    url: http://127.0.0.1:1/mcp\n", "");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("a.yaml"), both))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a.yaml:3: mcp.notes:").hasMessageContaining("needs exactly one of command");
        String undeclared = workflow("    command: [notes]\n", "").replace("notes__count_notes", "search__find");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("b.yaml"), undeclared))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown tool 'search__find'").hasMessageContaining("notes__*");
        String ftp = workflow("    url: ftp://127.0.0.1/mcp\n", "");
        assertThatThrownBy(() -> h.load(Files.writeString(dir.resolve("c.yaml"), ftp))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not an http or https URL");
    }

    @Test
    void a_server_that_cannot_start_is_said_in_words_and_a_missing_variable_is_named(@TempDir Path dir) throws Exception {
        try (McpToolServers servers = new McpToolServers(java.util.Map.of())) {
            WorkHarness h = harness(dir, new InMemoryJournal(), servers);
            Workflow missing = h.load(Files.writeString(dir.resolve("m.yaml"), workflow("    command: [/nonexistent/notes-server]\n", "")));
            assertThatThrownBy(() -> h.start(missing, WorkHarness.inputs(java.util.Map.of()), "x1")).isInstanceOf(ToolServerException.class)
                    .hasMessage("the MCP server 'notes' (/nonexistent/notes-server) could not be opened: there is no program /nonexistent/notes-server");
            Workflow token = h.load(Files.writeString(dir.resolve("t.yaml"),
                    workflow("    url: http://127.0.0.1:1/mcp\n    headers: {Authorization: \"Bearer ${NOTES_TOKEN}\"}\n", "")));
            assertThatThrownBy(() -> h.start(token, WorkHarness.inputs(java.util.Map.of()), "x2")).isInstanceOf(ToolServerException.class)
                    .hasMessage("the MCP server 'notes' needs the environment variable NOTES_TOKEN (in its headers.Authorization), which is not set");
        }
    }
}
