package dev.chassis.core.input;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a field in YAML text by walking the document's node tree along a Jackson path,
 * because Jackson reports where its parser stopped, which is often the end of the enclosing object.
 */
final class YamlLines {

    private YamlLines() {
    }

    /** The 1-based line of the deepest node on {@code path} that exists, or 0 when the text cannot be walked. */
    static int lineOf(String text, List<JsonMappingException.Reference> path) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return 0;
        }
        if (node == null) {
            return 0;
        }
        int line = node.getStartMark().getLine() + 1;
        for (JsonMappingException.Reference r : path) {
            Node next = null;
            if (r.getFieldName() != null && node instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(r.getFieldName())) {
                        next = t.getValueNode();
                        line = k.getStartMark().getLine() + 1;
                        break;
                    }
                }
            } else if (r.getIndex() >= 0 && node instanceof SequenceNode s && r.getIndex() < s.getValue().size()) {
                next = s.getValue().get(r.getIndex());
                line = next.getStartMark().getLine() + 1;
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return line;
    }
}
