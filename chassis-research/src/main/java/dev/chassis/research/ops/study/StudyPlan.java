package dev.chassis.research.ops.study;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.research.ops.pool.Pool;
import dev.chassis.research.ops.pool.PoolCsv;
import dev.chassis.research.ops.recruit.Quota;
import dev.chassis.research.ops.recruit.ScreenerRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A study file read and checked together with the files it names: the guide and personas exist, the pool
 * reads, and every screener field is a pool column. Every error is located in the file at fault (the study
 * file's line and field, or the pool's line and column).
 *
 * @param file     the study file
 * @param study    its content
 * @param guide    the guide file, resolved
 * @param personas persona files, resolved
 * @param pool     the pool, read
 */
public record StudyPlan(Path file, Study study, Path guide, List<Path> personas, Pool pool) {

    public StudyPlan {
        personas = List.copyOf(personas);
    }

    /** Reads and checks a study file. */
    public static StudyPlan load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Study study = StructuredReader.yaml().read(abs, Study.class);
        String text = read(abs);
        Path dir = abs.getParent();
        Path guide = existing(dir, study.guide(), text, "guide", abs);
        List<Path> personas = new java.util.ArrayList<>();
        for (int i = 0; i < study.personas().size(); i++) {
            personas.addAll(personas(dir, study.personas().get(i), text, "personas[" + i + "]", abs));
        }
        Path poolFile = existing(dir, study.pool(), text, "pool", abs);
        Pool pool = PoolCsv.read(poolFile);
        checkFields(study, pool, text, abs);
        return new StudyPlan(abs, study, guide, personas, pool);
    }

    private static void checkFields(Study study, Pool pool, String text, Path file) {
        check(study.screener().require(), "screener.require", pool, text, file);
        check(study.screener().exclude(), "screener.exclude", pool, text, file);
        List<Quota> quotas = study.screener().quotas();
        for (int i = 0; i < quotas.size(); i++) {
            column(quotas.get(i).field(), "screener.quotas[" + i + "].field", pool, text, file);
        }
    }

    private static void check(List<ScreenerRule> rules, String at, Pool pool, String text, Path file) {
        for (int i = 0; i < rules.size(); i++) {
            column(rules.get(i).field(), at + "[" + i + "].field", pool, text, file);
        }
    }

    private static void column(String field, String at, Pool pool, String text, Path file) {
        if (!pool.columns().contains(field)) {
            throw new InvalidInputException(file.getFileName().toString(), YamlPaths.line(text, at), at,
                    "'" + field + "' is not a column of " + pool.file().getFileName() + "; its columns are " + pool.columns());
        }
    }

    /** A persona file, or every {@code .yaml}/{@code .yml} file of a directory in name order. */
    private static List<Path> personas(Path dir, String relative, String text, String at, Path file) {
        Path p = dir.resolve(relative).normalize();
        if (!Files.isDirectory(p)) {
            return List.of(existing(dir, relative, text, at, file));
        }
        try (java.util.stream.Stream<Path> s = Files.list(p)) {
            List<Path> found = s.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
            if (found.isEmpty()) {
                throw new InvalidInputException(file.getFileName().toString(), YamlPaths.line(text, at), at,
                        "directory " + p + " has no persona files (.yaml)");
            }
            return found;
        } catch (IOException e) {
            throw new InvalidInputException(file.getFileName().toString(), YamlPaths.line(text, at), at, "cannot list " + p + ": " + e.getMessage(), e);
        }
    }

    private static Path existing(Path dir, String relative, String text, String at, Path file) {
        Path p = dir.resolve(relative).normalize();
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException(file.getFileName().toString(), YamlPaths.line(text, at), at,
                    "file not found: " + p + " (paths are relative to the study file)");
        }
        return p;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "", "cannot be read: " + e.getMessage(), e);
        }
    }
}
