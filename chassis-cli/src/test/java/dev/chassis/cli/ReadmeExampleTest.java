package dev.chassis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs every Java program in README.md, so the README can never show code that does not work. */
class ReadmeExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    @Test
    void every_java_example_in_the_readme_compiles_and_runs(@TempDir Path dir) throws Exception {
        Path readme = Path.of(System.getProperty("chassis.repo.dir", "..")).resolve("README.md");
        List<String> programs = programs(Files.readString(readme));
        assertThat(programs).as("Java programs in README.md").isNotEmpty();

        for (String program : programs) {
            Matcher name = CLASS_NAME.matcher(program);
            assertThat(name.find()).as("a README example declares a public class").isTrue();
            Path source = dir.resolve(name.group(1) + ".java");
            Files.writeString(source, program);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int rc = javac.run(null, null, diagnostics, "-d", dir.toString(),
                    "-cp", System.getProperty("java.class.path"), source.toString());
            assertThat(rc).as("javac output:%n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

            String out = runMain(dir, name.group(1));
            assertThat(out).as("output of %s", name.group(1)).isNotBlank();
        }
    }

    private static List<String> programs(String readme) {
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).contains("static void main")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static String runMain(Path classes, String className) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
