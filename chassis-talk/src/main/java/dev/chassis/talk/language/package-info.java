/**
 * The languages the harness talks in (issue 16): one registry of the supported languages with their
 * script, direction and segmentation; Lucene's analyzer for each (tokens, stopwords, stems, including
 * Japanese, Korean, Chinese, Polish, Ukrainian and Thai segmentation); and detection of the language a
 * text is in, by script first and with Lingua limited to the candidate languages where scripts are shared.
 */
package dev.chassis.talk.language;
