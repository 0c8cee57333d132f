/**
 * Owns the problems of input files: the {@link fr.apl.problem.Check}s readers run, each with its
 * {@link fr.apl.problem.Severity}, the {@link fr.apl.problem.Problem} found at a line, the
 * {@link fr.apl.problem.Problems} collector that every reader reports to instead of throwing at
 * the first one, and the {@link fr.apl.problem.Validation} it builds. Problems and validations are
 * immutable and thread-safe; a collector is not (one per thread, merged in a fixed order).
 */
package fr.apl.problem;
