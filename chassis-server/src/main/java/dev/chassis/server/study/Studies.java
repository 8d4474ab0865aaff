package dev.chassis.server.study;

import dev.chassis.core.input.Ids;
import dev.chassis.core.journal.Records;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.server.http.ApiException;
import dev.chassis.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studies: each the guide as given and a {@code study} record, kept in the server's {@link Records}
 * (its database: embedded H2 by default, PostgreSQL by URL). Guides are parsed once and kept; a study another server
 * node created is read from the database when first asked for. A study's id is its guide's study id (checked by the
 * guide's reader), with a suffix when taken (on any node: the first to write the record has it). Thread-safe.
 */
public final class Studies {

    private final Records records;
    private final Map<String, Guide> guides = new ConcurrentHashMap<>();
    private final Map<String, StudyInfo> infos = new ConcurrentHashMap<>();

    private final boolean shared;

    /** @param shared whether other server nodes create studies in the same records (then a study not known here is looked for there) */
    public Studies(Records records, boolean shared) {
        this.records = records;
        this.shared = shared;
        readNew();
    }

    /**
     * A new study from a guide's YAML.
     *
     * @throws dev.chassis.core.input.InvalidInputException naming the line and field when the guide is not valid
     */
    public synchronized StudyInfo create(String yaml, String source, Instant now) {
        Guide guide = GuideFile.parse(yaml, source);
        load();   // the ids other nodes took
        String id = guide.study();
        StudyInfo info = null;
        for (int n = 2; info == null; n++) {
            if (!infos.containsKey(id)) {
                StudyInfo mine = new StudyInfo(id, guide.title(), source, guide.languages(), (int) guide.duration().toMinutes(),
                        guide.objectives().stream().map(o -> new StudyInfo.ObjectiveInfo(o.id(), o.title(), o.priority())).toList(), now);
                String json = Json.write(mine);
                if (records.putIfAbsent("study", id, json).equals(json)) {
                    info = mine;   // the id is this study's: no other node wrote its record first
                    break;
                }
                load();
            }
            String suffix = "-" + n;
            id = guide.study().substring(0, Math.min(guide.study().length(), Ids.MAX_LENGTH - suffix.length())) + suffix;
        }
        records.put("guide", id, yaml);   // a study whose guide is not there yet is not read (see load)
        guides.put(id, guide);
        infos.put(id, info);
        return info;
    }

    /** Every study, newest first. */
    public List<StudyInfo> list() {
        load();
        return infos.values().stream().sorted(Comparator.comparing(StudyInfo::created).reversed().thenComparing(StudyInfo::id)).toList();
    }

    /** The study with this id; 400 when it is not an id, 404 when there is none. */
    public StudyInfo get(String id) {
        StudyInfo s = infos.get(Ids.check("study", id));
        if (s == null) {
            load();   // made on another node since
            s = infos.get(id);
        }
        if (s == null) {
            throw ApiException.notFound("no study '" + id + "'");
        }
        return s;
    }

    public Guide guide(String id) {
        get(id);
        return guides.get(id);
    }

    /** Reads the studies other nodes made since (none when this is the only server). */
    private void load() {
        if (shared) {
            readNew();
        }
    }

    /** Reads the studies not known here yet (studies never change once made); the memory copy answers while the database cannot. */
    private synchronized void readNew() {
        Map<String, String> studies;
        Map<String, String> yamls;
        try {
            studies = records.all("study");
            if (studies.keySet().stream().allMatch(infos::containsKey)) {
                return;
            }
            yamls = records.all("guide");
        } catch (dev.chassis.core.journal.JournalException e) {
            return;
        }
        try {
            for (Map.Entry<String, String> e : studies.entrySet()) {
                if (infos.containsKey(e.getKey()) || !yamls.containsKey(e.getKey())) {
                    continue;   // known, or its guide is still being written by the node that made it
                }
                StudyInfo info = Json.MAPPER.readValue(e.getValue(), StudyInfo.class);
                guides.put(info.id(), GuideFile.parse(yamls.get(info.id()), info.source()));
                infos.put(info.id(), info);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the studies: " + e.getMessage(), e);
        }
    }
}
