/**
 * Owns the demand side of APL: the standardised population of each residence commune, the 19 DREES
 * age-band weights that standardise it and the rescaling applied afterwards. Immutable classes are
 * thread-safe; builders are not.
 */
package fr.apl.demand;
