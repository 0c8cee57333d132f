package fr.apl.zoning;

/**
 * Holds the APL of one territory: the mean of its communes' APL weighted by population.
 *
 * @param territory territory code
 * @param region region holding most of the territory's population (ties: the smallest code), or
 *     null when regions are unknown
 * @param communes number of communes of the territory with an APL
 * @param population sum of the weights (resident or standardised population)
 * @param apl weighted mean APL, NaN when the population is 0
 */
public record TerritoryApl(
    String territory, String region, int communes, double population, double apl) {}
