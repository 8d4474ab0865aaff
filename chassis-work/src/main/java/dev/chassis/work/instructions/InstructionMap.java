package dev.chassis.work.instructions;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.token.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A root Markdown document and every document reachable from it by relative links, inside the
 * root's folder. Immutable once loaded.
 *
 * <pre>{@code
 * InstructionMap map = InstructionMap.load(Path.of("instructions/README.md"));
 * map.problems(tokenizer, 1_500).forEach(System.out::println);
 * }</pre>
 */
public final class InstructionMap {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");

    private final Path folder;
    private final String rootName;
    private final Map<String, String> documents; // path relative to folder -> text
    private final List<String> brokenLinks;

    private InstructionMap(Path folder, String rootName, Map<String, String> documents, List<String> brokenLinks) {
        this.folder = folder;
        this.rootName = rootName;
        this.documents = documents;
        this.brokenLinks = List.copyOf(brokenLinks);
    }

    /**
     * Loads the root and follows its links.
     *
     * @throws InvalidInputException when the root cannot be read
     */
    public static InstructionMap load(Path root) {
        Path folder = root.toAbsolutePath().getParent();
        String rootName = root.getFileName().toString();
        Map<String, String> docs = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>();
        if (!Files.isRegularFile(root)) {
            throw new InvalidInputException(root.toString(), 0, "", "instruction map not found");
        }
        todo.add(rootName);
        while (!todo.isEmpty()) {
            String rel = todo.poll();
            if (docs.containsKey(rel)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(folder.resolve(rel), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException(rel, 0, "", "cannot be read: " + e.getMessage());
            }
            docs.put(rel, text);
            for (String link : links(text)) {
                Path target = folder.resolve(rel).getParent().resolve(link).normalize();
                if (!target.startsWith(folder) || !Files.isRegularFile(target)) {
                    broken.add(rel + " -> " + link);
                    continue;
                }
                todo.add(folder.relativize(target).toString().replace('\\', '/'));
            }
        }
        return new InstructionMap(folder, rootName, docs, broken);
    }

    /** Relative links of a document, without anchors, web links skipped. */
    static List<String> links(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LINK.matcher(markdown);
        while (m.find()) {
            String target = m.group(1);
            if (target.contains("://") || target.startsWith("#") || target.startsWith("mailto:")) {
                continue;
            }
            int hash = target.indexOf('#');
            out.add(hash >= 0 ? target.substring(0, hash) : target);
        }
        return List.copyOf(out);
    }

    /** The root document's text, given to the agent in every step. */
    public String rootText() {
        return documents.get(rootName);
    }

    public String rootName() {
        return rootName;
    }

    /** Every reachable document's path (relative to the root's folder), the root first. */
    public List<String> documents() {
        return List.copyOf(documents.keySet());
    }

    /** A reachable document's text. */
    public Optional<String> open(String path) {
        String normalised = Path.of(path).normalize().toString().replace('\\', '/');
        return Optional.ofNullable(documents.get(normalised));
    }

    /** Links that lead nowhere (or outside the map's folder), as {@code from -> to}. */
    public List<String> brokenLinks() {
        return brokenLinks;
    }

    /** Every problem: broken links, and a root over {@code maxRootTokens}. Empty when the map is sound. */
    public List<String> problems(Tokenizer tokenizer, int maxRootTokens) {
        List<String> out = new ArrayList<>();
        brokenLinks.forEach(l -> out.add("broken link: " + l));
        int size = tokenizer.count(rootText());
        if (size > maxRootTokens) {
            out.add("the root map " + rootName + " is " + size + " tokens, over its cap of " + maxRootTokens
                    + "; move detail into linked documents");
        }
        return out;
    }

    public Path folder() {
        return folder;
    }
}
