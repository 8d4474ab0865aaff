/**
 * The languages the harness talks in (issue 16): one registry of the supported languages with their
 * script, direction and segmentation; Lucene's analyzer for each (tokens, stopwords, stems, including
 * Japanese, Korean, Chinese, Polish, Ukrainian and Thai segmentation). Detection of the language a text is
 * in reads the languages' cues as well, so it lives beside them in {@code talk.text} ({@code Detection}).
 */
package dev.chassis.talk.language;
