/**
 * Key phrases of participant statements, in each supported language: noun phrases ("data analysis",
 * "AI tools") and verb phrases ("check the results"), each with a lemmatised key so that "checking the
 * result" and "checked results" meet. English is tagged with OpenNLP's Universal Dependencies
 * part-of-speech model; languages without a served model are chunked at function words from Lucene's
 * stopword lists; Japanese at script boundaries. Words are reduced by Lucene's stemmers (KStem for
 * English, the light stemmers elsewhere).
 */
package dev.chassis.research.synthesis.phrase;
