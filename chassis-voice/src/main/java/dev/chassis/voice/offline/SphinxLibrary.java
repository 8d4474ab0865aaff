package dev.chassis.voice.offline;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The part of libpocketsphinx (5prealpha, Debian's) and libsphinxbase the recogniser calls. */
interface SphinxLibrary extends Library {

    Pointer ps_args();

    Pointer ps_init(Pointer config);

    int ps_free(Pointer decoder);

    int ps_start_utt(Pointer decoder);

    int ps_process_raw(Pointer decoder, short[] data, long samples, int noSearch, int fullUtterance);

    int ps_end_utt(Pointer decoder);

    String ps_get_hyp(Pointer decoder, IntByReference bestScore);

    Pointer ps_seg_iter(Pointer decoder);

    Pointer ps_seg_next(Pointer segment);

    String ps_seg_word(Pointer segment);

    void ps_seg_frames(Pointer segment, IntByReference startFrame, IntByReference endFrame);

    void ps_seg_free(Pointer segment);

    /** The language model of the named search ({@code _default} with {@code -lm}), owned by the decoder. */
    Pointer ps_get_lm(Pointer decoder, String search);

    Pointer ps_get_logmath(Pointer decoder);

    /** From libsphinxbase: parses command-line style options against the decoder's definitions. */
    interface Base extends Library {
        Pointer cmd_ln_parse_r(Pointer inout, Pointer definitions, int argc, String[] argv, int strict);

        int cmd_ln_free_r(Pointer config);

        /** The raw log probability of {@code words[0]} after {@code words[1..n-1]} (the most recent first). */
        int ngram_prob(Pointer model, String[] words, int n);

        double logmath_log_to_ln(Pointer logmath, int logProbability);
    }
}
