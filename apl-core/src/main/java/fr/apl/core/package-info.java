/**
 * Owns the facade of the engine: {@link fr.apl.core.Apl} prepares the weighted catchments of a
 * travel-time matrix once, {@link fr.apl.core.Catchments} computes any number of variants on them
 * with an {@link fr.apl.core.AccessMethod} (E2SFCA, the DREES APL, by default), and {@link
 * fr.apl.core.AplResult} holds the access of every commune with its {@link
 * fr.apl.core.Diagnostics}. Every type here is immutable and thread-safe, and results do not
 * depend on the thread count.
 */
package fr.apl.core;
