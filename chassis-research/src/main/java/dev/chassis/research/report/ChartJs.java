package dev.chassis.research.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Chart.js library from its WebJar on the class path, to inline into reports. Loaded once, lazily.
 * Thread-safe.
 */
final class ChartJs {

    private static final String POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private ChartJs() {
    }

    private static final class Holder {
        static final String SOURCE = load();
    }

    /** The UMD build of Chart.js, which defines the global {@code Chart}. */
    static String source() {
        return Holder.SOURCE;
    }

    private static String load() {
        ClassLoader cl = ChartJs.class.getClassLoader();
        Properties pom = new Properties();
        try (InputStream in = cl.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js WebJar (org.webjars.npm:chart.js) is not on the class path; reports need it");
            }
            pom.load(in);
            String path = "META-INF/resources/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.js";
            try (InputStream js = cl.getResourceAsStream(path)) {
                if (js == null) {
                    throw new IllegalStateException("Chart.js WebJar has no " + path);
                }
                return new String(js.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Chart.js from its WebJar: " + e.getMessage(), e);
        }
    }
}
