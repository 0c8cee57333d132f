/**
 * Owns the CSV inputs and outputs: readers for travel times, population, supply, doctors,
 * scenarios, age weights, code histories and territory tables, and writers for APL results and
 * zonings. Readers detect gzip and the encoding, accept renamed columns ({@link
 * fr.apl.io.csv.ReadOptions}), and report every problem of a file to the collector of a {@link
 * fr.apl.io.csv.ReadContext}; the shortcuts without a context throw the first error as an {@link
 * fr.apl.io.csv.InputException} carrying the others. Numbers are written with {@code Locale.ROOT},
 * or the French dialect on request. Readers and writers are stateless and thread-safe; a context is
 * not (one per thread).
 */
package fr.apl.io.csv;
