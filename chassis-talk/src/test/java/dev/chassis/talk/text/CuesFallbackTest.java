package dev.chassis.talk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A language without cues of its own reads with English's, looked up from a cache that starts empty. The cues were
 * cached with {@code computeIfAbsent} whose loader asked the same map for English: where the two keys fall in one bin of
 * the map that is a recursive update, and {@link java.util.concurrent.ConcurrentHashMap} throws. The cache is per class
 * loader, so each check runs {@link Cues} in a loader of its own, with nothing cached before it.
 */
class CuesFallbackTest {

    @Test
    void a_language_without_cues_falls_back_to_english_on_an_empty_cache_whatever_bin_it_lands_in() throws Exception {
        for (String language : sharingEnglishsBin(3)) {
            try (URLClassLoader fresh = freshLoader()) {
                Method of = fresh.loadClass(Cues.class.getName()).getMethod("of", String.class);
                Object cues = of.invoke(null, language);
                assertThat(cues.getClass().getMethod("language").invoke(cues)).as(language).isEqualTo("en");
                assertThat(of.invoke(null, "en")).as("English's cues, cached once").isSameAs(cues);
            }
        }
    }

    @Test
    void a_language_with_cues_of_its_own_keeps_them() {
        assertThat(Cues.of("de").language()).isEqualTo("de");
        assertThat(Cues.of("de")).isSameAs(Cues.of("de"));
    }

    /** Codes no cues exist for whose hash puts them in English's bin of a new map (16 bins, as the cache starts). */
    private static List<String> sharingEnglishsBin(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            String code = "none-" + i;
            if (bin(code) == bin("en")) {
                out.add(code);
            }
        }
        return out;
    }

    private static int bin(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & 0x7fffffff & 15; // ConcurrentHashMap's spread, then a table of 16
    }

    private static URLClassLoader freshLoader() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
