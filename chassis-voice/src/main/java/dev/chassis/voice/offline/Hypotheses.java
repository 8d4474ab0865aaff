package dev.chassis.voice.offline;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.chassis.talk.voice.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads pocketsphinx's hypotheses as words: fillers and markers out, alternate pronunciations folded. */
final class Hypotheses {

    /** pocketsphinx computes 100 frames a second. */
    private static final int MS_PER_FRAME = 10;
    private static final Pattern ALTERNATE = Pattern.compile("\\(\\d+\\)$");

    private Hypotheses() {
    }

    static List<Word> words(SphinxLibrary ps, Pointer decoder) {
        List<Word> words = new ArrayList<>();
        IntByReference sf = new IntByReference();
        IntByReference ef = new IntByReference();
        for (Pointer seg = ps.ps_seg_iter(decoder); seg != null; seg = ps.ps_seg_next(seg)) {
            String w = word(ps.ps_seg_word(seg));
            if (!w.isEmpty()) {
                ps.ps_seg_frames(seg, sf, ef);
                words.add(Word.ofMillis(w, (long) sf.getValue() * MS_PER_FRAME, (long) (ef.getValue() + 1) * MS_PER_FRAME));
            }
        }
        return words;
    }

    /** A hypothesis string without alternate-pronunciation marks; empty for none. */
    static String clean(String hyp) {
        if (hyp == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String w : hyp.strip().split("\\s+")) {
            String c = word(w);
            if (!c.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : " ").append(c);
            }
        }
        return sb.toString();
    }

    /** A segment's word, or empty for silence, sentence markers and noise fillers. */
    static String word(String raw) {
        if (raw == null || raw.isEmpty() || raw.startsWith("<") || raw.startsWith("[") || raw.startsWith("+")) {
            return "";
        }
        return ALTERNATE.matcher(raw).replaceFirst("");
    }
}
