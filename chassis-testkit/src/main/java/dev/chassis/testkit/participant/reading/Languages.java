package dev.chassis.testkit.participant.reading;

import dev.chassis.core.input.StructuredReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The languages a listener can read, from the data files named in {@code reading/index.yaml}. Loaded once; thread-safe. */
public final class Languages {

    record Index(List<String> languages) { }

    record File(String code, List<String> scripts, List<String> frequent, List<String> function, List<String> determiners, List<String> endings, String letters, Boolean inflects, QuestionFile question, ToneFile tone,
                RegisterFile register) { }

    record QuestionFile(List<String> interrogatives, List<String> closedStarts, List<String> openRequests, List<String> leading,
                        List<String> joiners, List<String> auxiliaries, List<String> doubled, Integer joinerReach,
                        Integer frontWords, List<String> yesNoMarks, List<String> joinerAffixes) { }

    record ToneFile(List<String> warm, List<String> empathy, List<String> praise, List<String> specific, List<String> contrast,
                    List<String> reconcile) { }

    record RegisterFile(Boolean caseSensitive, List<String> formal, List<String> informal) { }

    private static final Map<String, LanguageData> ALL = load();

    private Languages() {
    }

    /** Every language with a data file, in the index's order. */
    public static Collection<LanguageData> all() {
        return ALL.values();
    }

    /** The codes of every language with a data file. */
    public static Set<String> codes() {
        return new TreeSet<>(ALL.keySet());
    }

    public static Optional<LanguageData> of(String code) {
        return Optional.ofNullable(ALL.get(code));
    }

    /** Text of a resource next to this class, or empty when absent. */
    static Optional<String> resource(String name) {
        try (InputStream in = Languages.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static Map<String, LanguageData> load() {
        String index = resource("index.yaml").orElseThrow(() -> new IllegalStateException("missing reading/index.yaml"));
        Map<String, LanguageData> out = new LinkedHashMap<>();
        for (String code : StructuredReader.yaml().read(index, "reading/index.yaml", Index.class).languages()) {
            String name = code + ".yaml";
            String text = resource(name).orElseThrow(() -> new IllegalStateException("reading/index.yaml names " + code + " but " + name + " is missing"));
            out.put(code, data(StructuredReader.yaml().read(text, "reading/" + name, File.class)));
        }
        return out;
    }

    private static LanguageData data(File f) {
        List<Character.UnicodeScript> scripts = new ArrayList<>();
        f.scripts().forEach(s -> scripts.add(Character.UnicodeScript.valueOf(s)));
        Optional<LanguageData.QuestionWords> question = Optional.ofNullable(f.question()).map(q -> new LanguageData.QuestionWords(
                lower(q.interrogatives()), lower(q.closedStarts()), lower(q.openRequests()), lower(q.leading()), lower(q.joiners()),
                lower(q.auxiliaries()), lower(q.doubled()), q.joinerReach() == null ? 2 : q.joinerReach(),
                q.frontWords() == null ? -1 : q.frontWords(), lower(q.yesNoMarks()), lower(q.joinerAffixes())));
        Optional<LanguageData.ToneWords> tone = Optional.ofNullable(f.tone()).map(t -> new LanguageData.ToneWords(lower(t.warm()),
                lower(t.empathy()), lower(t.praise()), lower(t.specific()), lower(t.contrast()), lower(t.reconcile())));
        Optional<LanguageData.Register> register = Optional.ofNullable(f.register()).map(r -> {
            boolean sensitive = Boolean.TRUE.equals(r.caseSensitive());
            return new LanguageData.Register(sensitive, sensitive ? orEmpty(r.formal()) : lower(r.formal()),
                    sensitive ? orEmpty(r.informal()) : lower(r.informal()));
        });
        return new LanguageData(f.code(), Set.copyOf(scripts), Set.copyOf(lower(f.frequent())),
                Set.copyOf(f.function() == null ? lower(f.frequent()) : lower(f.function())), Set.copyOf(lower(f.determiners())), lower(f.endings()), f.letters() == null ? "" : f.letters(),
                Boolean.TRUE.equals(f.inflects()), question, tone, register);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static List<String> lower(List<String> l) {
        return orEmpty(l).stream().map(s -> Phrases.normal(s.toLowerCase(Locale.ROOT))).toList();
    }
}
