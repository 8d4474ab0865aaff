/** Per-language text analysis for the talk harness (Lucene analyzers): stemmed content terms, hedges, sentiment. */
package dev.chassis.talk.text;
