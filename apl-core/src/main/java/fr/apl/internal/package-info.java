/**
 * Holds the engine's hot pieces: the two-step gathers over sparse rows, the fixed-split parallel
 * loop and the counting-sort slots that keep results identical for any thread count, and the
 * accessor that lends a matrix's arrays without copying them. Internal to apl-core: public only so
 * that other apl-core packages can reach it, with no compatibility promise. Every class here may be
 * called from any thread; the arrays it is handed must not be written by anyone else meanwhile.
 */
package fr.apl.internal;
