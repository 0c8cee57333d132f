/**
 * Owns where a run's travel times come from: the {@link fr.apl.io.TravelTimeSource} seam and
 * {@link fr.apl.io.TimesFile}, which reads a binary matrix file or a CSV times table, whichever
 * the file is. Sources report what is wrong with their data to the run's collector of problems
 * rather than throwing at the first one. {@code TimesFile} is immutable and thread-safe; each read
 * opens the file again.
 */
package fr.apl.io;
