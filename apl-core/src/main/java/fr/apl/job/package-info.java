/**
 * Owns the run from files: an {@link fr.apl.job.AplRequest} says what to read and compute, {@link
 * fr.apl.job.AplJob} reads every input once, brings it to the current commune geography, checks
 * across files and computes every variant, and {@link fr.apl.job.AplRun} gives back the problems,
 * the result and the timings. The command line and embedders share this one pipeline. Requests and
 * runs are immutable and thread-safe; builders are not.
 */
package fr.apl.job;
