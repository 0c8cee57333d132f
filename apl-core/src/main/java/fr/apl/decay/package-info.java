/**
 * Owns the distance decay: the step function that turns a travel time in minutes into a weight,
 * its bands and the rule for times that fall exactly on a band edge (DREES working paper 124).
 * Every type here is immutable and thread-safe.
 */
package fr.apl.decay;
