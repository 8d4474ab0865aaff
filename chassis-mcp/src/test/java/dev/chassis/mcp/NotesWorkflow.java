package dev.chassis.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tests' workflow over {@link NotesServer}: one step that adds a note and counts the notes, offline. */
final class NotesWorkflow {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotesWorkflow() {
    }

    /**
     * The {@code mcp.notes} entry that starts NotesServer as a process of this JVM's class path over stdio, writing to
     * {@code notes}; {@code jvmArgs} come before the class path (a process's command line as the OS shows it may be cut).
     */
    static String stdioServer(Path notes, String... jvmArgs) throws JsonProcessingException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                NotesServer.class.getName()));
        return "    command: " + JSON.writeValueAsString(command)
                + "\n    env: {NOTES_FILE: " + JSON.writeValueAsString(notes.toString()) + "}\n";
    }

    /** The workflow with {@code server} as its notes server (YAML lines indented by four) and an optional policy block. */
    static String workflow(String server, String policy) {
        return """
                name: notes
                mcp:
                  notes:
                %s%s
                steps:
                  - id: write
                    instruction: Write a note, then count the notes.
                    tools: [notes__add_note, notes__count_notes]
                    offline:
                      calls:
                        - {tool: notes__add_note, arguments: {text: hello}}
                        - {tool: notes__count_notes, arguments: {}}
                      output: '${call.1}'
                """.formatted(server, policy);
    }
}
