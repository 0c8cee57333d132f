/**
 * Owns the profession profiles: the decay, supply rule, demand weights, output unit and zoning
 * classes of one health profession, each parameter with its source or the word "assumed". The
 * general practitioners' profile (the DREES APL) is built in; the others are read from JSON by
 * the {@code apl-profiles} module. Every type here is immutable and thread-safe.
 */
package fr.apl.profession;
