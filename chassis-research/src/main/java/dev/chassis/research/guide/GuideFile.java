package dev.chassis.research.guide;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.input.StructuredReader;
import dev.chassis.core.input.YamlLocator;
import dev.chassis.talk.stage.CulturalPacks;
import dev.chassis.talk.stage.Objective;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an interview guide from YAML. Every problem is one error with file, line and field: unknown
 * fields, missing questions, duplicate ids, priorities out of range, time shares over 100%, a
 * language without support, a translation that does not match the guide. What is only missing (a
 * language listed without its text) is a located {@link GuideWarning} on the guide. See
 * {@code examples/guides/} for the format.
 */
public final class GuideFile {

    /** The YAML shape. */
    record File(String study, String title, List<String> languages, Integer minutes, String consent, String opening,
                List<String> background, List<String> rules, List<ObjectiveFile> objectives,
                List<GuideTranslations.TextFile> translations, String ledger) { }

    record ObjectiveFile(String id, String title, String description, Integer priority, Double share, List<String> questions,
                         List<String> probes, List<String> keywords) { }

    private GuideFile() {
    }

    public static Guide load(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(path.toString(), 0, "", "guide file not found");
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        Guide g = parse(text, path.getFileName().toString());
        if (g.ledger().isEmpty()) {
            return g;
        }
        // the study's ledger is a folder beside the guide, named relative to the guide file
        Path folder = path.toAbsolutePath().getParent().resolve(g.ledger().get()).normalize();
        require(Files.isDirectory(folder), path.getFileName().toString(), text, "ledger",
                "no ledger folder " + folder + "; create it or name the folder of incident files relative to the guide");
        return g.withLedger(Optional.of(folder));
    }

    /**
     * Reads a guide from its text. A {@code ledger:} key is kept as written: only {@link #load} knows the
     * folder it is relative to.
     */
    public static Guide parse(String text, String source) {
        File f = StructuredReader.yaml().read(text, source, File.class);
        require(f.study() != null && !f.study().isBlank(), source, text, "study", "a guide needs a study id");
        require(Ids.valid(f.study()), source, text, "study", Ids.problem(f.study()));
        require(f.title() != null && !f.title().isBlank(), source, text, "title", "a guide needs a title");
        List<String> languages = f.languages() == null || f.languages().isEmpty() ? List.of("en") : f.languages();
        for (int i = 0; i < languages.size(); i++) {
            require(CulturalPacks.LANGUAGES.contains(languages.get(i)), source, text, "languages[" + i + "]",
                    "'" + languages.get(i) + "' is not supported; use one of " + new java.util.TreeSet<>(CulturalPacks.LANGUAGES));
        }
        int minutes = f.minutes() == null ? 20 : f.minutes();
        require(minutes >= 1 && minutes <= 240, source, text, "minutes", "must be between 1 and 240, was " + minutes);
        require(f.objectives() != null && !f.objectives().isEmpty(), source, text, "objectives", "a guide needs at least one objective");
        List<Objective> objectives = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double shares = 0;
        for (int i = 0; i < f.objectives().size(); i++) {
            ObjectiveFile o = f.objectives().get(i);
            String at = "objectives[" + i + "]";
            require(o.id() != null && o.id().matches("[a-z0-9][a-z0-9-]{0,40}"), source, text, at + ".id",
                    "an objective needs an id of lower-case letters, digits and '-'");
            require(ids.add(o.id()), source, text, at + ".id", "'" + o.id() + "' is used twice");
            require(o.title() != null && !o.title().isBlank(), source, text, at + ".title", "an objective needs a title");
            int priority = o.priority() == null ? 3 : o.priority();
            require(priority >= 1 && priority <= 5, source, text, at + ".priority", "must be between 1 and 5, was " + priority);
            double share = o.share() == null ? 1.0 / f.objectives().size() : o.share();
            require(share > 0 && share <= 1, source, text, at + ".share", "must be more than 0 and at most 1, was " + share);
            require(o.questions() != null && !o.questions().isEmpty() && o.questions().stream().noneMatch(q -> q == null || q.isBlank()),
                    source, text, at + ".questions", "an objective needs at least one question, none blank");
            shares += share;
            objectives.add(new Objective(o.id(), o.title(), o.description(), priority, share, o.questions(), o.probes(), o.keywords()));
        }
        require(shares <= 1.0001, source, text, "objectives", "the shares add up to " + Math.round(shares * 100) + "%, more than 100%");
        for (int i = 0; i < languages.size(); i++) {
            require(languages.indexOf(languages.get(i)) == i, source, text, "languages[" + i + "]", "'" + languages.get(i) + "' is listed twice");
        }
        GuideTranslations translations = new GuideTranslations(source, text);
        Map<String, GuideText> texts = translations.read(f.translations(), languages, objectives, nz(f.consent()), nz(f.opening()));
        return new Guide(f.study(), f.title(), languages, Duration.ofMinutes(minutes), nz(f.consent()), nz(f.opening()),
                f.background() == null ? List.of() : f.background(), f.rules() == null ? List.of() : f.rules(), objectives, texts,
                translations.warnings(), source, ledger(f, source, text));
    }

    private static Optional<Path> ledger(File f, String source, String text) {
        if (f.ledger() == null) {
            return Optional.empty();
        }
        require(!f.ledger().isBlank(), source, text, "ledger", "name the study's ledger folder, relative to the guide file, or leave the key out");
        try {
            return Optional.of(Path.of(f.ledger().strip()));
        } catch (java.nio.file.InvalidPathException e) {
            throw YamlLocator.error(source, text, "ledger", "'" + f.ledger() + "' is not a folder name");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static void require(boolean ok, String source, String text, String field, String problem) {
        if (!ok) {
            throw YamlLocator.error(source, text, field, problem);
        }
    }
}
