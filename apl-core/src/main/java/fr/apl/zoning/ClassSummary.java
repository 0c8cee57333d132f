package fr.apl.zoning;

/**
 * Sums up one class of a classification.
 *
 * @param name class name, e.g. {@code zip}
 * @param territories number of territories in the class
 * @param population their population (weights)
 * @param share their share of the population classified, in [0, 1]
 * @param minApl lowest territory APL in the class, NaN when the class is empty
 * @param maxApl highest territory APL in the class (the threshold a quantile rule arrives at),
 *     NaN when empty
 */
public record ClassSummary(
    String name, int territories, double population, double share, double minApl, double maxApl) {}
