/**
 * Owns the distance decay that turns a travel time in minutes into a weight: the DREES step
 * function, its bands and the rule for times that fall exactly on a band edge (DREES working paper
 * 124), and continuous kernels (Gaussian, KD2SFCA, exponential, power, linear, logistic) with a
 * cutoff under the same edge rule. {@link fr.apl.decay.Decays#parse} reads any of them from a
 * spec. Every type here is immutable and thread-safe.
 */
package fr.apl.decay;
