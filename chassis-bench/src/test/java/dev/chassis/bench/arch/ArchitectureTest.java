package dev.chassis.bench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.Slices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN §1, held by ArchUnit over the main classes of every module. The
 * benchmark module sees every module, which is why the rules live here.
 */
class ArchitectureTest {

    private static final String[] PROVIDER_SDKS = {
            "dev.langchain4j..", "io.temporal..", "org.h2..", "org.postgresql..", "org.flywaydb..",
            "io.javalin..", "org.eclipse.jetty.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.chassis");
    }

    @Test
    void every_module_with_code_is_on_the_class_path_so_no_rule_passes_vacuously() throws IOException {
        List<String> modules = modulesWithCode();
        assertThat(modules).contains("core", "models", "cli");
        for (String module : modules) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("dev.chassis." + module)))
                    .as("classes of chassis-%s imported (add the module to chassis-bench's dependencies)", module).isTrue();
        }
    }

    private static boolean hasJavaSources(Path module) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.getFileName().toString().equals("package-info.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void core_depends_on_no_other_module_and_no_provider_sdk() {
        rule(noClasses().that().resideInAPackage("dev.chassis.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.chassis.models..", "dev.chassis.talk..", "dev.chassis.voice..", "dev.chassis.work..", "dev.chassis.store..",
                        "dev.chassis.temporal..", "dev.chassis.testkit..", "dev.chassis.research..",
                        "dev.chassis.server..", "dev.chassis.cli..", "dev.chassis.bench.."))
                .check(classes);
        rule(noClasses().that().resideInAPackage("dev.chassis.core..")
                .should().dependOnClassesThat().resideInAnyPackage(PROVIDER_SDKS)).check(classes);
    }

    @Test
    void the_harnesses_never_depend_on_each_other_or_on_the_modules_above_them() {
        rule(noClasses().that().resideInAPackage("dev.chassis.talk..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.chassis.work..", "dev.chassis.models..",
                        "dev.chassis.store..", "dev.chassis.research..", "dev.chassis.testkit..", "dev.chassis.voice..")).check(classes);
        rule(noClasses().that().resideInAPackage("dev.chassis.work..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.chassis.talk..", "dev.chassis.models..",
                        "dev.chassis.store..", "dev.chassis.research..", "dev.chassis.testkit..")).check(classes);
    }

    @Test
    void the_servers_packages_are_free_of_cycles() {
        // routes (api) use studies, interviews, runs and auth; all of them share http (errors, JSON) and nothing reaches back
        rule(slices().matching("dev.chassis.server.(*)..").should().beFreeOfCycles()).check(classes);
    }

    @Test
    void provider_sdks_appear_only_in_the_module_named_for_them() {
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.models..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")).check(classes);
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.temporal..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.temporal..")).check(classes);
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.store..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.postgresql..", "org.flywaydb..")).check(classes);
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.server..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")).check(classes);
        // speech engines' natives and providers stay out of the harness: talk has the SPIs, chassis-voice the engines;
        // the model layer's MiniLM embedder opens its own ONNX session (one thread per call, no spinning pool: 4cbaeed)
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.voice..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")).check(classes);
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.voice..", "dev.chassis.models.embed..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")).check(classes);
        // libraries use the OpenTelemetry API only; the SDK is set up where the application starts
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.cli..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry.sdk..")).check(classes);
        // MCP goes through its SDK in chassis-mcp only: core and the harnesses know tool servers by the work harness's SPI
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.mcp..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("io.modelcontextprotocol..")).check(classes);
        // Spring stays in the starter: core, the harnesses and the application below it know nothing of it
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.spring..", "dev.chassis.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")).check(classes);
        // mail goes out through Jakarta Mail in research operations' invitations only
        rule(noClasses().that().resideOutsideOfPackages("dev.chassis.research.ops.schedule..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.mail..")).check(classes);
    }

    @Test
    void a_runs_orchestration_on_temporal_is_deterministic() {
        // replayed from its history on any worker, a run's workflow must decide the same: time and threads come from
        // Temporal's Workflow, side effects go through activities
        assertThat(classes.stream().filter(c -> c.getPackageName().equals("dev.chassis.temporal.workflow"))).isNotEmpty();
        noClasses().that().resideInAnyPackage("dev.chassis.temporal.workflow..", "dev.chassis.work.flow..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.util.concurrent..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(classes);
    }

    @Test
    void the_application_sits_on_top_and_nothing_below_reaches_up() {
        rule(noClasses().that().resideInAnyPackage("dev.chassis.core..", "dev.chassis.models..", "dev.chassis.talk..",
                        "dev.chassis.voice..", "dev.chassis.work..", "dev.chassis.store..", "dev.chassis.testkit..", "dev.chassis.temporal..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.chassis.research..", "dev.chassis.server..", "dev.chassis.cli..")).check(classes);
        rule(noClasses().that().resideInAPackage("dev.chassis.research..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.chassis.server..", "dev.chassis.cli..")).check(classes);
        rule(noClasses().that().resideInAPackage("dev.chassis.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.chassis.cli..")).check(classes);
    }

    @Test
    void the_harnesses_know_nothing_of_interviews_or_studies() {
        rule(noClasses().that().resideInAnyPackage("dev.chassis.core..", "dev.chassis.talk..", "dev.chassis.work..")
                .should().haveSimpleNameContaining("Interview")
                .orShould().haveSimpleNameContaining("Study")
                .orShould().haveSimpleNameContaining("Persona")).check(classes);
    }

    @Test
    void the_evaluation_and_its_synthetic_participants_share_no_code_with_the_judgment_they_score() {
        // Scorers that used steering's own question patterns could never find a bad question (issue 13).
        String[] judges = {"dev.chassis.research.eval..", "dev.chassis.testkit.participant.."};
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("dev.chassis.research.eval.score"))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("dev.chassis.testkit.participant.reading"))).isNotEmpty();
        noClasses().that().resideInAnyPackage(judges)
                .should().dependOnClassesThat().resideInAnyPackage("dev.chassis.talk.monitor..", "dev.chassis.talk.steer..",
                        "dev.chassis.talk.text..", "dev.chassis.talk.realise..", "dev.chassis.core.text..")
                .check(classes);
    }

    @Test
    void the_packages_of_core_have_no_cycles() {
        rule(slices().matching("dev.chassis.core.(*)..").should().beFreeOfCycles()).check(classes);
        rule(slices().assignedFrom(packagesOf("dev.chassis.core")).should().beFreeOfCycles()).check(classes);
    }

    @Test
    void the_packages_of_work_have_no_cycles_its_api_package_included() {
        assertThat(Slices.assignedFrom(packagesOf("dev.chassis.work")).transform(classes)).as("work's packages, each a slice").hasSizeGreaterThan(8);
        rule(slices().assignedFrom(packagesOf("dev.chassis.work")).should().beFreeOfCycles()).check(classes);
    }

    @Test
    void the_packages_of_talk_have_no_cycles() {
        // state records signals and directives, monitors and steering read the state: the shared types live in signal and directive
        assertThat(Slices.matching("dev.chassis.talk.(*)..").transform(classes)).as("talk's packages, each a slice").hasSizeGreaterThan(15);
        rule(slices().matching("dev.chassis.talk.(*)..").should().beFreeOfCycles()).check(classes);
    }

    @Test
    void no_module_has_a_package_cycle() throws IOException {
        // Every module found in the repository, so that a new one is checked without editing this test.
        for (String module : modulesWithCode()) {
            rule(slices().matching("dev.chassis." + module + ".(*)..").should().beFreeOfCycles()
                    .as("the packages of chassis-" + module + " are free of cycles")).check(classes);
        }
    }

    private static List<String> modulesWithCode() throws IOException {
        Path repo = Path.of(System.getProperty("chassis.repo.dir", ".."));
        try (Stream<Path> dirs = Files.list(repo)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("chassis-")).filter(ArchitectureTest::hasJavaSources)
                    .map(d -> d.getFileName().toString().substring("chassis-".length())).filter(m -> !m.equals("bench"))
                .map(m -> m.equals("spring-boot-starter") ? "spring" : m).sorted().toList();
        }
    }

    /** Each package directly below {@code root} with its subpackages is a slice, and so is {@code root} itself. */
    private static SliceAssignment packagesOf(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals(root)) {
                    return SliceIdentifier.of("(" + root + ")");
                }
                return p.startsWith(root + ".") ? SliceIdentifier.of(p.substring(root.length() + 1).split("\\.")[0]) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of " + root;
            }
        };
    }

    private static ArchRule rule(ArchRule r) {
        return r.allowEmptyShould(true);
    }
}
