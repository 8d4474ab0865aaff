package dev.chassis.talk.steer;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared interview transcripts as turns, for tests that replay real answers: a CSV of {@code transcript_id,text}, the text
 * quoted (a quote inside doubled), its turns separated by blank lines and opened by {@code Assistant:} or {@code AI:} (the
 * interviewer, "A") or {@code User:} (the participant, "U"); a paragraph without a speaker continues the turn before it.
 */
final class Transcripts {

    private Transcripts() {
    }

    /** The text of every interview of a CSV file's content, header left out. */
    static List<String> interviews(String csv) {
        List<String> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                if (row.size() == 2 && !row.get(0).equals("transcript_id")) {
                    out.add(row.get(1));
                }
                row.clear();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return out;
    }

    /** An interview's turns, each {speaker, text}: "A" for the interviewer, "U" for the participant. */
    static List<String[]> turns(String interview) {
        List<String[]> out = new ArrayList<>();
        for (String paragraph : interview.split("\n\\s*\n")) {
            String p = paragraph.strip();
            if (p.startsWith("Assistant:") || p.startsWith("AI:")) {
                out.add(new String[] {"A", p.substring(p.indexOf(':') + 1).strip()});
            } else if (p.startsWith("User:")) {
                out.add(new String[] {"U", p.substring(p.indexOf(':') + 1).strip()});
            } else if (!out.isEmpty() && !p.isEmpty()) {
                String[] last = out.getLast();
                last[1] = last[1] + "\n\n" + p;
            }
        }
        return out;
    }
}
