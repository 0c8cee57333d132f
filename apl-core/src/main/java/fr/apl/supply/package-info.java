/**
 * Owns the supply side of APL: doctors' yearly activity, the DREES activity rules that turn it into
 * counted consultations, and the resulting supply per practice commune. Every type here is
 * immutable and thread-safe.
 */
package fr.apl.supply;
