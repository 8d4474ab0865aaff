package dev.chassis.server.study;

import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ops.workflow.RunFolder;
import dev.chassis.server.api.ApiException;
import dev.chassis.server.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The studies under {@code <data>/studies}: each a folder with {@code guide.yaml} (the guide as given)
 * and {@code study.json}. Guides are parsed once and kept. Thread-safe.
 */
public final class Studies {

    private final Path root;
    private final Map<String, Guide> guides = new ConcurrentHashMap<>();
    private final Map<String, StudyInfo> infos = new ConcurrentHashMap<>();

    public Studies(Path root) {
        this.root = root;
        load();
    }

    /**
     * A new study from a guide's YAML.
     *
     * @throws dev.chassis.core.input.InvalidInputException naming the line and field when the guide is not valid
     */
    public synchronized StudyInfo create(String yaml, String source, Instant now) {
        Guide guide = GuideFile.parse(yaml, source);
        String id = guide.study();
        for (int n = 2; infos.containsKey(id); n++) {
            id = guide.study() + "-" + n;
        }
        StudyInfo info = new StudyInfo(id, guide.title(), source, guide.languages(), (int) guide.duration().toMinutes(),
                guide.objectives().stream().map(o -> new StudyInfo.ObjectiveInfo(o.id(), o.title(), o.priority())).toList(), now);
        Path dir = root.resolve(id);
        RunFolder.write(dir.resolve("guide.yaml"), yaml);
        RunFolder.write(dir.resolve("study.json"), Json.write(info));
        guides.put(id, guide);
        infos.put(id, info);
        return info;
    }

    /** Every study, newest first. */
    public List<StudyInfo> list() {
        return infos.values().stream().sorted(Comparator.comparing(StudyInfo::created).reversed().thenComparing(StudyInfo::id)).toList();
    }

    /** The study with this id; 404 when there is none. */
    public StudyInfo get(String id) {
        StudyInfo s = infos.get(id);
        if (s == null) {
            throw ApiException.notFound("no study '" + id + "'");
        }
        return s;
    }

    public Guide guide(String id) {
        get(id);
        return guides.get(id);
    }

    /** A folder of the study's own, for reports. */
    public Path folder(String id) {
        return root.resolve(get(id).id());
    }

    private void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("study.json"))).toList()) {
                StudyInfo info = Json.MAPPER.readValue(dir.resolve("study.json").toFile(), StudyInfo.class);
                guides.put(info.id(), GuideFile.parse(Files.readString(dir.resolve("guide.yaml"), StandardCharsets.UTF_8), info.source()));
                infos.put(info.id(), info);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the studies in " + root + ": " + e.getMessage(), e);
        }
    }
}
